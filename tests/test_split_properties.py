"""Properties of `split` on arbitrary and on mutated real text: it never crashes, every
input line comes out exactly once, and records rebuild the articles they came from."""
from __future__ import annotations

import dataclasses
import json

from hypothesis import given, settings, strategies as st

from extractors.articles import (ANALYSIS_CHARS, FURNITURE_CHARS, PROSE, _TOKEN, _analyse, _norm, _norm_of_words,
                                 from_record, line_records, paragraph_words, split_stream, to_record)
from extractors.text import data_set
from pathlib import Path

from extractors.text import split_lines

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "afghanistan-china-olympics-stream.txt"
SEED_LINES = split_lines(SAMPLE.read_text(encoding="utf-8"))

# One physical line: no character that split_lines would cut on.
line_text = st.text(st.characters(blacklist_characters="\r\n", blacklist_categories=("Cs",)), max_size=80)
real_line = st.sampled_from(SEED_LINES)
furniture = st.sampled_from(["Advertisement", "More on Afghanistan", "Medals: 0", "Archery", "", " ", "“", "'"])
mutated_line = st.one_of(
    real_line,
    furniture,
    st.tuples(real_line, st.integers(0, 200)).map(lambda t: t[0][:t[1]]),
    st.tuples(real_line, line_text).map(lambda t: t[1] + t[0]),
)

# Words and what stands around and inside them: letters, digits, punctuation, spaces of all kinds.
word_text = st.text(st.one_of(st.sampled_from(list("aZ09é .'’-,\"“”(…—\t\u00a0\u2003\x1c")),
                              st.characters(blacklist_categories=("Cs",))), max_size=120)


def check_lossless(lines: list[str]) -> None:
    articles = split_stream(lines, "s")
    seen: dict[int, str] = {}
    next_first = 1
    for number, article in enumerate(articles, 1):
        assert article.number == number
        rec = json.loads(json.dumps(dataclasses.asdict(to_record(article))))
        assert rec["first_line"] == next_first
        next_first = rec["last_line"] + 1
        labelled = [(d["line"], d["text"]) for d in rec["dropped"] + rec["headings"]]
        body_numbers = [n for n in range(rec["first_line"], rec["last_line"] + 1)
                        if n not in {ln for ln, _ in labelled}]
        body_texts = rec["text"].split("\n") if body_numbers else []
        assert len(body_texts) == len(body_numbers)
        for n, text in labelled + list(zip(body_numbers, body_texts)):
            assert n not in seen
            seen[n] = text
        back = from_record(rec)
        assert [(ln.number, ln.text, ln.kind) for ln in back.lines] == \
               [(ln.number, ln.text, ln.kind) for ln in article.lines]
        assert [r.line for r in line_records(article)] == list(range(rec["first_line"], rec["last_line"] + 1))
    assert next_first == len(lines) + 1
    assert seen == {n: t for n, t in enumerate(lines, 1)}


@settings(max_examples=150, deadline=None)
@given(st.lists(line_text, max_size=40))
def test_arbitrary_lines_are_split_losslessly(lines):
    check_lossless(lines)


@settings(max_examples=100, deadline=None)
@given(st.lists(mutated_line, max_size=60))
def test_mutated_real_paragraphs_are_split_losslessly(lines):
    check_lossless(lines)


def test_the_sample_is_split_losslessly():
    check_lossless(SEED_LINES)


@settings(max_examples=300, deadline=None)
@given(st.one_of(word_text, mutated_line))
def test_word_shortcuts_agree_with_the_patterns(text):
    """`paragraph_words` reads most words with string methods, and `_norm_of_words` rebuilds
    `_norm` from them: both must give exactly what the patterns give."""
    assert paragraph_words(text) == _TOKEN.findall(text, 0, ANALYSIS_CHARS)
    if len(text) <= FURNITURE_CHARS:
        assert _norm_of_words(paragraph_words(text)) == _norm(text)


# Prose of ASCII words, long and short, function words among them.
ascii_prose = st.lists(st.one_of(st.sampled_from(["a", "I", "it", "He", "UK", "10", "of", "the", "The", "said", "U.S",
                                                  "don't", "6-3", "Kunduz", "(AP)", "--", "."]),
                                 st.text(st.characters(max_codepoint=127, blacklist_characters="\r\n"), max_size=6)),
                       min_size=20, max_size=80).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(ascii_prose)
def test_vocabulary_of_ascii_prose_is_its_longer_content_words(text):
    """A prose line's vocabulary is its words of three or more characters that are no
    function words, in lower case and without a possessive "'s" (for ASCII text it is found
    by a set difference)."""
    info = _analyse(1, text)
    if info.category == PROSE:
        function_words = data_set("split_function_words.txt")
        assert info.vocab == {w.lower().removesuffix("'s") for w in paragraph_words(text)
                              if len(w) > 2 and w.lower() not in function_words}
