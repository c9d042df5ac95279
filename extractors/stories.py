"""Group articles into stories and find what their sources corroborate or contest.

A *story* is the same event told by several articles (of one stream or of several
files).  Inside a story, every attributed claim and every unattributed sentence is a
*statement*; statements from different articles that say the same thing (after
paraphrase normalisation, canonical entities and figures) form a *fact*:

* corroborated — asserted in two or more articles;
* contested    — asserted by one source and denied by another, or counted differently
                 (the same counted noun with different values);
* single       — an attributed claim no other article repeats.

Everything is blocked through inverted indexes (articles by their salient terms,
statements by their rare terms), so the work grows with the size of the stories, not
with the square of the input.

Records (serialised with `dataclasses.asdict`, field order is the JSON contract):

* StoryRecord: record="story", story (1-based), articles [{source, article, outlet}],
  title, entities (top canonical names).
* FactRecord: record="fact", story, status corroborated|contested|single, summary,
  supports [{source, article, line, speaker, text}], disputes [same shape].
"""
from __future__ import annotations

import math
import sys
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import chain, groupby, islice, repeat
from operator import attrgetter, itemgetter, mul, sub
from typing import Iterable, Iterator, NamedTuple

import regex

from .text import DEBRIS_KINDS, Article, collector_paused, data_lines, data_set, sentence_spans

NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"})
TOP_ENTITIES = 8
SUMMARY_CHARS = 200
TITLE_CHARS = 120
TITLE_SCAN_CHARS = 2000

# Story linking: cosine of the articles' tf-idf vectors over their salient terms.  Two
# outlets' accounts of one event (the seed's Kunduz reports) reach 0.35, unrelated articles
# 0.04; follow-ups on one topic in the BBC set spread over 0.15-0.3.
STORY_TERMS_PER_ARTICLE = 40
STORY_VECTOR_TERMS = 80
STORY_LINK_COSINE = 0.28
STORY_GROUP_AVERAGE = 0.28
STORY_MIN_SHARED = 5
MAX_STORY_ARTICLES = 200
# The idf of story terms counts this many unrelated articles besides the input, so that
# cosines mean the same in a stream of five articles as in a day of news: without it the
# terms one article alone uses (idf log 6) outweigh those a story shares (log 2), and the
# link threshold would have to be low for small streams and high for large ones.
STORY_IDF_PRIOR = 100
# Content words count less than canonical entities: their idf is noise in a small
# stream ("time", "year" shared by a missile story and a sports round-up).
CONTENT_WORD_WEIGHT = 0.3
# People, organisations and groups are the recurring cast of a topic (Brown and Labour in
# every article on a budget, a speech, a poll): they count half as much as places and
# named events, which pin down where and what happened.
CAST_WEIGHT = 0.5
CAST_TYPES = frozenset({"PERSON", "ORG", "NORP"})
# Counted figures ("14 bodies", "£2.1m") are the most specific thing two reports of one
# event share; a follow-up on the same topic counts other things.
FIGURE_WEIGHT = 2.0
# Fact linking: weighted cosine of two statements' term sets.
FACT_LINK_COSINE = 0.30
FACT_GROUP_AVERAGE = 0.25
MAX_FACT_STATEMENTS = 400
FACT_MIN_SHARED = 3
# Statements compared per counted noun when looking for figures that disagree.
MAX_FIGURE_COMPARISONS = 30
IDF_PRIOR_STATEMENTS = 100
MAX_NUMBER_CHARS = 24
# The one empty term set all statements share (each frozenset() call makes a new object).
NO_TERMS: frozenset[str] = frozenset()
# A statement's own verb is negated by a negator among its first NEGATION_REACH words
# (later ones sit in a clause of their own), unless a hedge follows within
# NEGATION_HEDGE_REACH words; only the first NEGATION_CHARS characters are read.
NEGATION_REACH = 12
NEGATION_HEDGE_REACH = 3
NEGATION_IF_REACH = 6  # words before a negator searched for "if", "whether"
NEGATION_CHARS = 300
# Characters either side of an outlet name searched for its cue words.
CUE_CONTEXT = 40
# Writer's words left around a claim become a statement when they carry this many terms.
MIN_GLOSS_TERMS = 4
# A clause of a long sentence is compared on its own when it has this many terms.
MIN_CLAUSE_TERMS = 4
# An index term shared by more statements than this does not propose candidates
# (it still counts in the similarity): keeps candidate generation near-linear.
MAX_POSTING = 60
POSTING_WINDOW = 8

# ", saying ..." or "but ..." after a denied clause is not part of what is denied.
_PARTICIPLE_TAIL = regex.compile(r",\s*+(?=\p{Ll}*ing\b)|,?+\s++but\b")
# "was denied (access)" is passive: the subject is not denying anything.
_PASSIVE = frozenset({"was", "were", "been", "be", "is", "are", "being", "not"})
_FINITE = frozenset({"has", "have", "had", "was", "were", "is", "are", "will", "would", "did", "does",
                     "do", "could", "can", "should", "may", "might"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"})
_AUXILIARIES = _PASSIVE | {"has", "have", "had", "also", "again", "strongly", "flatly"}
_WORD_OR_NUMBER = (r"\d++(?:[,.]\d++)*+"
                   r"|\p{L}[\p{L}\p{M}\p{N}]*+(?:['’\-]\p{L}[\p{L}\p{M}\p{N}]*+)*+")
# The words and numbers of _TOKEN without its punctuation tokens.
_WORD = regex.compile(_WORD_OR_NUMBER)
_TOKEN = regex.compile(_WORD_OR_NUMBER + r"|[^\s\p{L}\p{N}]")
# The same tokens for ASCII text (most English copy), from plain character classes that
# the regex module matches a third faster than Unicode properties.
_ASCII_TOKEN = regex.compile(r"\d++(?:[,.]\d++)*+|[A-Za-z][A-Za-z0-9]*+(?:['\-][A-Za-z][A-Za-z0-9]*+)*+"
                             r"|[^\t\n\x0b\x0c\r A-Za-z0-9]")


def tokens_of(text: str) -> list[str]:
    """Words, numbers and single punctuation marks of a text (_TOKEN.findall)."""
    return (_ASCII_TOKEN if text.isascii() else _TOKEN).findall(text)


# ---------------------------------------------------------------- records

@dataclass
class StoryRecord:
    """One story: the articles that tell it (with the outlet when detectable)."""
    record: str
    story: int
    articles: list[dict]
    title: str
    entities: list[str]


@dataclass
class FactRecord:
    """One fact of a story with its citations; speaker is null for the writer's own words."""
    record: str
    story: int
    status: str
    summary: str
    supports: list[dict] = field(default_factory=list)
    disputes: list[dict] = field(default_factory=list)


# ---------------------------------------------------------------- word tables

@cache
def _phrase_table() -> dict[str, list[tuple[tuple[str, ...], str | None]]]:
    """First word -> [(phrase words, group token or None for a shield)], longest first."""
    table: dict[str, list[tuple[tuple[str, ...], str | None]]] = defaultdict(list)
    for row in data_lines("stories_events.txt"):
        group, _, phrases = row.partition(":")
        token = None if group.strip() == "-" else "@" + group.strip()
        for phrase in phrases.split("|"):
            words = tuple(phrase.split())
            if words:
                table[words[0]].append((words, token))
    for entries in table.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return dict(table)


@cache
def _numbers() -> tuple[dict[str, float], frozenset[str]]:
    """Number words with their values, and which of them are ordinals."""
    values, ordinals = {}, set()
    for row in data_lines("stories_numbers.txt"):
        word, value, *kind = row.split()
        values[word] = float(value)
        if kind == ["ordinal"]:
            ordinals.add(word)
    return values, frozenset(ordinals)


def _stopwords() -> frozenset[str]:
    return data_set("stories_stopwords.txt")


@cache
def _stem(word: str) -> str:
    """Light plural, possessive and comparative stripping: enough to match "capitals" /
    "capital" and "larger" / "largest"."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    if len(word) > 6 and word.endswith("est"):
        return word[:-3]
    if len(word) > 5 and word.endswith("er"):
        return word[:-2]
    return word


def _number_value(token: str) -> float | None:
    if token[0].isdigit():
        if len(token) > MAX_NUMBER_CHARS:  # a run of digits, not a figure anyone reports
            return None
        try:
            return float(token.replace(",", ""))
        except ValueError:
            return None
    return _numbers()[0].get(token.lower())


def _format_number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


# ---------------------------------------------------------------- statements

@dataclass(slots=True, eq=False)
class Statement:
    """One claim or one unattributed sentence, ready for matching."""
    source: str
    article: int
    line: int
    text: str
    speaker: str | None
    polarity: str            # assert | deny
    is_claim: bool
    # a tuple of interned strings: a frozenset per statement was the largest thing held
    # for a whole input (sets are built per story, when its facts are found)
    terms: tuple[str, ...] = ()
    counts: tuple[tuple[str, float], ...] = ()   # (counted noun, value)
    norm: float = 1.0
    evidence: str = ""  # what a citation shows: the whole sentence of a clause or gloss
    negates: frozenset[str] = NO_TERMS  # terms of the verb it negates (see negation)

    def cite(self) -> dict:
        return {"source": self.source, "article": self.article, "line": self.line,
                "speaker": self.speaker, "text": self.evidence or self.text}


def terms_of(text: str, names: tuple[tuple[str, str], ...] | None = (),
             tokens: list[str] | None = None) -> frozenset[str]:
    """The comparable terms of a statement: stemmed content words, paraphrase-group
    tokens (@CAPTURE), numbers (#14) and canonical entities (=kunduz) in place of the
    words of their mentions (names are (surface, canonical) pairs).  With names=None
    (no entity records for the article), runs of capitalised words after the first
    word stand in for entities.  `tokens` is _TOKEN.findall(text) when known."""
    phrases = _phrase_table()
    words = _WORD.findall(text) if tokens is None else [t for t in tokens if t[0].isalnum()]
    lowered = list(map(str.lower, words))
    if names is None:
        names = _guessed_names(words)
        named = {w.lower() for surface, _ in names for w in surface.split()}
    else:
        named = set().union(*[_surface_words(surface) for surface, _ in names])
    out = {"=" + canonical.lower() for _, canonical in names}
    terms = list(map(_word_term, words))
    starts = [] if phrases.keys().isdisjoint(lowered) else [i for i, low in enumerate(lowered) if low in phrases]
    end = 0  # words before this index are inside a phrase already read
    for i in starts:
        if i < end:
            continue
        for phrase, token in phrases[lowered[i]]:
            if tuple(lowered[i:i + len(phrase)]) == phrase:
                if token:
                    out.add(token)
                end = i + len(phrase)
                terms[i:end] = [None] * len(phrase)
                break
    if named:
        out.update([term for term, low in zip(terms, lowered) if low not in named])
    else:
        out.update(terms)
    out.discard(None)
    return frozenset(out)


@lru_cache(maxsize=1 << 16)
def _surface_words(surface: str) -> frozenset[str]:
    """The lower-case words of a name as written, which its canonical term replaces."""
    return frozenset(w.lower() for w in _TOKEN.findall(surface))


@lru_cache(maxsize=1 << 18)
def _word_term(word: str) -> str | None:
    """The term of one word as written: "#14" for a number, its stem for a content word,
    None for a stop word (an all-capital acronym such as "US" is never a stop word).
    Cached: news reuses its words."""
    low = word.lower()
    if word[0].isdigit() or low in _numbers()[0]:
        value = _number_value(word)
        return None if value is None else "#" + _format_number(value)
    if low in _stopwords() and not (word.isupper() and len(word) > 1) or low.replace("’", "'") in _negators():
        return None
    return _stem(low)


@cache
def _negation_table() -> dict[str, frozenset]:
    """Kind (not, aux, free, phrase, hedge) -> its words; phrases as word tuples."""
    table: dict[str, set] = defaultdict(set)
    for row in data_lines("stories_negation.txt"):
        kind, *words = row.split()
        table[kind].add(tuple(words) if kind == "phrase" else " ".join(words))
    return {kind: frozenset(words) for kind, words in table.items()}


@cache
def _negators() -> frozenset[str]:
    """Words that only negate: no term of their own, so that "Kunduz hasn't fallen" and
    "Kunduz has fallen" compare on what they are about."""
    table = _negation_table()
    return table["not"] | table["free"]


@cache
def _negator_strings() -> tuple[str, ...]:
    """What a text must contain to negate anything: its negators and negating phrases."""
    table = _negation_table()
    return tuple(sorted(_negators() | {" ".join(phrase) for phrase in table["phrase"]}))


@lru_cache(maxsize=1 << 12)
def _negated_verbs(text: str, reach: int | None) -> tuple[frozenset[str], ...]:
    """The terms of each verb the text negates, among its first `reach` words (all when
    None): "Kunduz has not fallen" -> fallen and @CAPTURE, "has not yet been retaken"
    -> retaken.  Negations that leave the fact open ("it is not yet clear whether",
    "could not immediately confirm", "if you do not have") name no verb."""
    table, phrases = _negation_table(), _phrase_table()
    lowered = text.lower().replace("’", "'")
    if not any(negator in lowered for negator in _negator_strings()):  # most text negates nothing
        return ()
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    found = []
    for k, word in enumerate(words[:reach]):
        span = 2 if tuple(words[k:k + 2]) in table["phrase"] else 1
        if not (span == 2 or word in table["free"]
                or word in table["not"] and not table["aux"].isdisjoint(words[max(0, k - 2):k])):
            continue
        after = words[k + span:k + span + NEGATION_HEDGE_REACH]
        if not (table["hedge"].isdisjoint(after) and table["if"].isdisjoint(words[max(0, k - NEGATION_IF_REACH):k])):
            continue
        for i, verb in enumerate(after):
            terms = {token for phrase, token in phrases.get(verb, ())
                     if token and tuple(after[i:i + len(phrase)]) == phrase} | {_word_term(verb)}
            terms.discard(None)
            if terms or verb not in table["skip"]:
                if terms:
                    found.append(frozenset(terms))
                break
    return tuple(found)


@lru_cache(maxsize=1 << 14)
def negation(text: str) -> frozenset[str]:
    """The terms of the verb a statement negates as its own ("Kunduz has not fallen",
    "the army hasn't retaken the town"); empty when it negates none.  Such a statement
    disputes one that asserts that verb.  A negation after the first NEGATION_REACH
    words sits in a clause of its own; a quotation of several sentences ("We are not
    going away. We will keep these hounds going") asserts more than its first one
    denies."""
    found = _negated_verbs(text[:NEGATION_CHARS], NEGATION_REACH)
    if not found or len(_sentence_spans(text.strip())) > 1:
        return NO_TERMS
    return found[0]


def _guessed_names(words: list[str]) -> tuple[tuple[str, str], ...]:
    """Runs of capitalised non-stop words, the first word of the text excepted."""
    stop = _stopwords()
    runs, current = [], []
    for k, word in enumerate(words):
        if k and word[0].isupper() and word.lower() not in stop:
            current.append(word)
        elif current:
            runs.append(" ".join(current))
            current = []
    if current:
        runs.append(" ".join(current))
    return tuple((run, run) for run in runs)


def count_phrases(text: str, tokens: list[str] | None = None) -> list[tuple[str, float]]:
    """(counted noun, value) for "14 bodies", "two provincial capitals" and the running
    counts of "the third regional capital to fall".  The noun is the last word before a
    function word or punctuation, within three words of the number."""
    stop = _stopwords()
    ordinals = _numbers()[1]
    time_units = data_set("stories_time_units.txt")
    tokens = tokens_of(text) if tokens is None else tokens
    found = []
    for i in [i for i, term in enumerate(map(_word_term, tokens)) if term and term[0] == "#"]:
        token = tokens[i]
        low = token.lower()
        value = _number_value(token)
        if value is None:  # a "#" or "#tag" written in the text, not a number
            continue
        if low in ordinals and (i == 0 or tokens[i - 1].lower() not in ("the", "its", "their", "his", "her")):
            continue
        noun = None
        for following in tokens[i + 1:i + 4]:
            if not following[0].isalpha() or following.lower() in stop or _number_value(following) is not None:
                break
            noun = _stem(following.lower())
        if noun and noun not in time_units and not noun[0].isdigit():
            found.append((noun, value))
    return found


class ClaimRow(NamedTuple):
    """The fields of a `claims` record that statements are made from."""
    line: int
    lines: list | None
    start: int | None
    end: int | None
    speaker: str | None
    speaker_resolved: str | None
    role: str | None
    cue: str | None
    polarity: str | None
    content: str | None


def _reports_denial(text: str) -> bool:
    deny = data_set("stories_deny.txt")
    return any(word.lower() in deny for word in _WORD_SPAN.findall(text))


def _looks_like_clause(text: str) -> bool:
    """A finite verb soon after the subject: an auxiliary or a past form in the first
    eight words ("the Taliban had taken the city", "Kunduz has fallen")."""
    words = text.lower().split()[:8]
    return any(w in _FINITE or (k and w.endswith("ed") and not _modifies_noun(words[k - 1]))
               for k, w in enumerate(words))


def _modifies_noun(word: str) -> bool:
    """A word after which a past participle is an adjective ("the proposed offer",
    "Boerse's proposed offer")."""
    return word in _DETERMINERS or word.endswith(("'s", "’s"))


@lru_cache(maxsize=1 << 14)
def _deny_split(text: str) -> tuple[str, str] | None:
    """("X", "clause") for an unattributed "X denied (that) clause", else None.  An
    object noun phrase ("rejects $280bn tobacco case", "denied the charges") is not a
    denied statement.  Cached, like clauses: wire copy repeats sentences."""
    deny = data_set("stories_deny.txt")
    lowered = text.lower()
    if not any(word in lowered for word in deny):
        return None
    words = list(_TOKEN.finditer(text))
    for k, match in enumerate(words):
        word = match.group().lower()
        if word in deny and 0 < k and not (word.endswith("ed") and words[k - 1].group().lower() in _PASSIVE):
            rest = text[match.end():].lstrip()
            has_that = rest.lower().startswith("that ")
            rest = _PARTICIPLE_TAIL.split(rest[5:] if has_that else rest, maxsplit=1)[0]
            if len(rest.split()) >= 3 and (has_that or _looks_like_clause(rest)):
                denier = text[:match.start()].split()
                while denier and denier[-1].lower() in _AUXILIARIES:
                    denier.pop()
                return " ".join(denier).strip(" ,"), rest.rstrip(" .")
    return None


@cache
def _clause_openers() -> dict[str, bool]:
    """Opener word -> whether it needs a comma before it."""
    return {word: where == "comma" for word, where in (row.split() for row in data_lines("stories_clause_openers.txt"))}


_WORD_SPAN = regex.compile(r"\p{L}++")
_ASCII_WORD_SPAN = regex.compile(r"[A-Za-z]++")
_SEMICOLON = regex.compile(r";\s")


@lru_cache(maxsize=1 << 14)
def clauses(text: str) -> tuple[str, ...]:
    """A sentence cut before its clause openers and at semicolons; a piece with fewer
    than MIN_CLAUSE_TERMS content words stays with the piece before it.  Cached: outlets
    telling one story repeat its wire copy sentence for sentence."""
    lowered = text.lower()
    cuts = [m.end() for m in _SEMICOLON.finditer(text)]
    for word, needs_comma in _clause_openers().items():
        needle = (", " if needs_comma else " ") + word + " "
        pos = lowered.find(needle)
        while pos >= 0:
            cuts.append(pos + len(needle) - len(word) - 1)
            pos = lowered.find(needle, pos + 1)
    if not cuts:
        return (text,)

    def weighty(piece: str) -> bool:
        return sum(1 for w in (_ASCII_WORD_SPAN if piece.isascii() else _WORD_SPAN).findall(piece)
                   if _word_term(w)) >= MIN_CLAUSE_TERMS

    pieces, start = [], 0
    for cut in sorted(set(cuts)):
        if weighty(text[start:cut]):
            pieces.append(text[start:cut])
            start = cut
    if pieces and not weighty(text[start:]):
        pieces[-1] += text[start:]
    else:
        pieces.append(text[start:])
    return tuple(p.strip(" ,;–-") for p in pieces)


def _trailing_gloss(text: str, end: int, claim: ClaimRow) -> str:
    """The writer's words after a claim and its attribution, up to `end` (the end of its
    sentence in the line `text`): "..., the armed group said, the third provincial capital
    it has taken over" is a statement of its own.  The line is searched in place: copying
    it up to each sentence end made a long line of short sentences quadratic."""
    if len(claim.lines or ()) > 1 or claim.end is None:
        return ""
    pos = claim.end
    for part in (claim.speaker, claim.role, claim.cue):
        found = text.find(part, pos, end) if part else -1
        if found >= 0:
            pos = found + len(part)
    return text[pos:end].strip(" ,.;:–-\"“”‘’'")


@lru_cache(maxsize=1 << 16)
def _analysed(text: str, names: tuple[tuple[str, str], ...] | None) -> tuple[tuple[str, ...], tuple]:
    """Terms (interned, see Statement.terms) and counted nouns of a statement's text with
    the names it mentions.  Cached: a story's outlets repeat wire copy word for word, and
    the same sentence with the same names always reads the same."""
    tokens = tokens_of(text)
    terms = tuple(map(sys.intern, terms_of(text, names, tokens)))
    return terms, tuple(count_phrases(text, tokens)) if any(t[0] == "#" for t in terms) else ()


# A paragraph of wire copy is cut into sentences once, whichever outlet repeats it.
_sentence_spans = lru_cache(maxsize=1 << 12)(sentence_spans)


class _LineSpans:
    """The spans found on one line, sorted, answering "which overlap [start, end)?" without
    scanning the whole line: a single 5 MB line can hold a hundred thousand of them."""

    def __init__(self, items: list[tuple[int, int, object]]):
        items.sort(key=lambda item: item[0])
        self.items = items
        self.starts = [item[0] for item in items]
        self.longest = max((e - s for s, e, _ in items), default=0)

    def overlapping(self, start: int, end: float) -> list:
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        return [payload for s, e, payload in self.items[lo:hi] if e > start]


def build_statements(article: Article, claims: list[ClaimRow], names: list[tuple],
                     figures: list[tuple]) -> list[Statement]:
    """Statements of one article: each claim, plus each content sentence no claim covers.
    `names` and `figures` are the article's rows from _mention_digest and _figure_rows."""
    deny = data_set("stories_deny.txt")
    names_by_line: dict[int, list] = defaultdict(list)
    for line, start, end, surface, canonical in names:
        names_by_line[line].append((start, end, (surface, canonical)))
    figures_by_line: dict[int, list] = defaultdict(list)
    for line, start, end, payload in figures:
        figures_by_line[line].append((start, end, payload))
    names_index = {line: _LineSpans(items) for line, items in names_by_line.items()}
    figures_index = {line: _LineSpans(items) for line, items in figures_by_line.items()}
    claims_by_line: dict[int, list] = defaultdict(list)
    for c in claims:
        claims_by_line[c.line].append(c)
    continued = {n for c in claims for n in (c.lines or [])[1:]}

    def names_in(line: int, start: int, end: int) -> tuple[tuple[str, str], ...] | None:
        if not names_index:
            return None
        spans = names_index.get(line)
        return tuple(spans.overlapping(start, end)) if spans else ()

    def make(line: int, text: str, start: int, end: int, speaker, polarity: str, is_claim: bool,
             evidence: str = "") -> Statement:
        terms, counted = _analysed(text, names_in(line, start, end))
        negates = negation(text)
        if negates:  # "X has not fallen" disputes "X has fallen"; a denied negation asserts
            polarity = "deny" if polarity == "assert" else "assert"
        spans = figures_index.get(line)
        # a claim running onto later lines ends before it starts: read the rest of its first line
        nearby = spans.overlapping(start, end if end > start else math.inf) if spans else ()
        if nearby or counted:
            counts = dict(counted)
            for surface, noun, value in nearby:
                if surface in text:
                    counts.setdefault(noun, value)
            counted = tuple(sorted(counts.items()))
        return Statement(article.source, article.number, line, text, speaker, polarity, is_claim,
                         terms, counted, evidence=evidence if evidence != text else "", negates=negates)

    out: list[Statement] = []
    for ln in article.lines:
        if ln.kind in DEBRIS_KINDS or ln.number in continued:
            continue
        # the line's claims in order of start; those starting before a sentence's end are
        # that sentence's, taken with a running index (a line may hold 10^4 sentences)
        pending = sorted(claims_by_line.get(ln.number, ()), key=lambda c: c.start or 0)
        taken = 0
        for start, end in _sentence_spans(ln.text):
            sentence = ln.text[start:end]
            first = taken
            while taken < len(pending) and (pending[taken].start or 0) < end:
                taken += 1
            covering = pending[first:taken]
            for c in covering:
                cue = (c.cue or "").lower()
                polarity = "deny" if c.polarity == "deny" or any(w in deny for w in cue.split()) else "assert"
                content = c.content or sentence
                out.append(make(ln.number, content, c.start or start, c.end or end,
                                c.speaker_resolved or c.speaker, polarity, True))
                inner = _deny_split(content)
                if inner and polarity == "assert":
                    out.append(make(ln.number, inner[1], start, end, inner[0], "deny", True))
            if covering:
                text = _trailing_gloss(ln.text, end, covering[-1])
                if text:  # (empty, it has no terms, and its empty span would read as "the rest of the line")
                    gloss = make(ln.number, text, end - len(text), end, None, "assert", False, sentence)
                    if len(gloss.terms) >= MIN_GLOSS_TERMS:
                        out.append(gloss)
                continue
            if not sentence.strip():
                continue
            denial = _deny_split(sentence)
            if denial:
                out.append(make(ln.number, denial[1], start, end, denial[0], "deny", True, sentence))
            else:
                out.extend(make(ln.number, clause, start, end, None, "assert", False, sentence)
                           for clause in clauses(sentence))
    # A denial read by the claims extractor and again inside another speaker's words
    # ("The government is denying Kunduz has fallen") is one statement, not two.
    unique = {(st.line, st.text, st.speaker, st.polarity): st for st in reversed(out)}
    return [st for st in out if unique[st.line, st.text, st.speaker, st.polarity] is st]


# ---------------------------------------------------------------- outlets

def _cue_pattern(side: str, at_end: bool):
    """Regex for one side of an outlet cue template, matched against the (lower-case)
    text just before the name (at_end) or just after it; None when the side is empty.
    Whether the text window reaches the line's start or end is checked by the caller."""
    if not side.strip():
        return None
    core = side.strip("^$")
    core = core.rstrip() if at_end else core.lstrip()
    body = "".join(".*" if ch == "*" else regex.escape(ch) for ch in core)
    if at_end:
        return regex.compile(("^" if side.startswith("^") else r"(?:^|(?<=\W))") + body + r"\s*+(?:the\s++)?$")
    return regex.compile(r"^\s*+" + body + (r"\s*+$" if side.endswith("$") else r"(?:(?=\W)|$)"))


@cache
def _outlet_tables():
    aliases: list[tuple[str, str]] = []
    for row in data_lines("stories_outlets.txt"):
        name, *names = [part.strip() for part in row.split("|")]
        aliases.extend((alias, name) for alias in names)
    aliases.sort(key=lambda pair: -len(pair[0]))
    cues = []
    for row in data_lines("stories_outlet_cues.txt"):
        weight, template = row.split(None, 1)
        before, after = template.lower().split("{outlet}")
        cues.append((int(weight), _cue_pattern(before, at_end=True), _cue_pattern(after, at_end=False)))
    furniture = [tuple(part.strip() for part in row.split("|")) for row in data_lines("stories_outlet_furniture.txt")]
    return aliases, cues, furniture


def detect_outlet(article: Article) -> str | None:
    """The publishing outlet, from its page furniture or from how the text names it
    ("told the BBC" counts for, "the US outlet Fox News" counts against); None when
    the evidence is absent or weak.  Wire agencies are never listed as outlets."""
    aliases, cues, furniture = _outlet_tables()
    # Most articles name no outlet: one search per name over the whole text keeps the
    # line-by-line reading to the names that occur.
    whole = "\n".join(ln.text for ln in article.lines)
    furniture = [(name, phrase) for name, phrase in furniture if phrase in whole]
    aliases = [(alias, name) for alias, name in aliases if alias in whole]
    scores: Counter[str] = Counter()
    for ln in article.lines if furniture or aliases else ():
        text = ln.text
        for name, phrase in furniture:
            if phrase in text:
                scores[name] += 5
        if ln.kind in DEBRIS_KINDS:
            continue
        starts: list[int] = []  # spans already read (longer aliases first), in order
        ends: list[int] = []
        for alias, name in aliases:
            pos = text.find(alias)
            while pos >= 0:
                end = pos + len(alias)
                boundary = (pos == 0 or not text[pos - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
                k = bisect_right(starts, pos)
                if boundary and not (k and ends[k - 1] > pos) and not (k < len(starts) and starts[k] < end):
                    starts.insert(k, pos)
                    ends.insert(k, end)
                    before = text[max(0, pos - CUE_CONTEXT):pos].lower()
                    after = text[end:end + CUE_CONTEXT].lower()
                    for weight, cue_before, cue_after in cues:
                        if cue_before and not (cue_before.search(before) and
                                               (pos <= CUE_CONTEXT or not cue_before.pattern.startswith("^("))):
                            continue
                        if cue_after and not (cue_after.search(after) and
                                              (end + CUE_CONTEXT >= len(text) or not cue_after.pattern.endswith("*+$"))):
                            continue
                        if cue_before or cue_after:
                            scores[name] += weight
                pos = text.find(alias, end)
    if not scores:
        return None
    best, score = max(sorted(scores.items()), key=lambda item: item[1])
    return best if score >= 2 else None


# ---------------------------------------------------------------- stories

def _story_terms(article_statements: list[Statement]) -> Counter[str]:
    """How often each term other than bare numbers and paraphrase groups occurs in an
    article (counted in C, then the few number and group terms are dropped), plus its
    counted figures as terms of their own ("%body 14")."""
    bag = Counter(chain.from_iterable(map(attrgetter("terms"), article_statements)))
    for term in [t for t in bag if t[0] in "#@"]:
        del bag[term]
    bag.update(f"%{noun} {_format_number(value)}" for st in article_statements for noun, value in st.counts)
    return bag


def _link_weight(term: str, cast: frozenset[str]) -> float:
    """How much a shared term says that two articles tell one event, not one topic."""
    if term[0] == "%":
        return FIGURE_WEIGHT
    if term[0] == "=":
        return CAST_WEIGHT if term in cast else 1.0
    return CONTENT_WORD_WEIGHT


def cast_terms(mentions: list) -> frozenset[str]:
    """The entity terms ("=gordon brown") of canonical names mentioned mostly as people,
    organisations or groups (records of `entities`, dataclasses or dicts)."""
    return _mention_digest(mentions)[1]


def _mention_digest(mentions: list) -> tuple[dict[tuple[str, int], list[tuple]], frozenset[str]]:
    """(line, start, end, surface, canonical) of each name mention by article, and
    cast_terms, in one pass over the records (their MENTION_FIELDS): all fields of every
    mention kept as rows beside the records was the peak of the entities stage."""
    votes: Counter[str] = Counter()
    names_of: dict[tuple[str, int], list[tuple]] = {}
    for key, rows in _row_runs(mentions, *MENTION_FIELDS):
        names = names_of.setdefault(key, [])
        for line, start, end, text, kind, canonical in rows:
            if kind in NAME_TYPES and (canonical or text):
                names.append((line, start, end, text or canonical or "", canonical or text))
                votes["=" + (canonical or text).lower()] += 1 if kind in CAST_TYPES else -1
    return names_of, frozenset(term for term, vote in votes.items() if vote > 0)


def _article_vectors(statements: list[list[Statement]],
                     cast: frozenset[str] = frozenset()) -> tuple[list[dict[str, float]], list[list[str]]]:
    """Sublinear tf-idf vectors of the articles (their heaviest terms, divided by the
    full norm, so cosines are slight underestimates), and each article's top terms among
    those another article shares (the keys of the blocking index).  Terms are weighted
    by _link_weight; `cast` holds the entity terms of people and organisations.  Each
    article's bag of terms is counted twice, for the document frequencies and then for its
    vector, rather than all bags held at once."""
    df: Counter[str] = Counter()
    for article_statements in statements:
        df.update(_story_terms(article_statements).keys())
    n = len(statements)
    idf = {t: math.log((n + 1 + STORY_IDF_PRIOR) / count) * _link_weight(t, cast) for t, count in df.items()}
    vectors, keys = [], []
    for bag in map(_story_terms, statements):
        weights = [(t, idf[t] if c == 1 else (1 + math.log(c)) * idf[t]) for t, c in bag.items()]
        norm = math.sqrt(math.fsum([w * w for _, w in weights])) or 1.0
        # heaviest first, ties in term order (a stable sort keeps the order of equals)
        ranked = sorted(sorted(weights), key=itemgetter(1), reverse=True)
        vectors.append({t: w / norm for t, w in ranked[:STORY_VECTOR_TERMS]})
        keys.append(list(islice((t for t, _ in ranked if df[t] > 1), STORY_TERMS_PER_ARTICLE)))
    return vectors, keys


def _shared_levels(postings_of: Iterable[list[list[int]]], depth: int) -> Iterator[list[int]]:
    """For each item i in turn, given the posting lists (sorted item ids) of its index
    terms, bit sets of the items after it that share at least 1, 2, ... depth terms with
    it, bit j standing for item i + 1 + j.  A list longer than MAX_POSTING pairs each item
    only with the next POSTING_WINDOW items in it: enough to connect a big story, never
    quadratic.  Bit sets keep the counting in C: a story's statements meet through their
    shared terms in millions of pairs, most of them sharing one term.  A list's bit set
    counts from its first item and lives from that item's turn to its last's: bit sets
    over all items, one per list and all held from the start, grew with the square of
    the articles of a large input."""
    bit = (1).__lshift__
    # (level, the level below it), highest first: built once, not per mask (this loop runs
    # millions of times).
    steps = tuple(zip(range(depth - 1, 0, -1), range(depth - 2, -1, -1)))
    # id of a short posting list -> the bit set of its items counted from its first, made
    # at the first item's turn and shifted at each next one, let go at the last
    open_lists: dict[int, int] = {}
    for i, postings in enumerate(postings_of):
        levels = [0] * depth
        first = repeat(i + 1)
        for members in postings:
            if len(members) > MAX_POSTING:
                k = bisect_right(members, i)
                mask = sum(map(bit, map(sub, members[k:k + POSTING_WINDOW], first)))
            elif members[0] == i:
                mask = open_lists[id(members)] = sum(map(bit, map(sub, members[1:], first)))
            elif members[-1] == i:
                del open_lists[id(members)]
                continue
            else:
                mask = open_lists[id(members)] >> i - members[0]
            if mask:
                for level, below in steps:
                    levels[level] |= levels[below] & mask
                levels[0] |= mask
        yield levels


def _members(mask: int, first: int) -> list[int]:
    """The item ids of a bit set whose bit 0 stands for item `first`, in increasing order."""
    out = []
    while mask:
        low = mask & -mask
        out.append(first + low.bit_length() - 1)
        mask ^= low
    return out


def link_articles(statements: list[list[Statement]], cast: frozenset[str] = frozenset()) -> list[list[int]]:
    """Groups of article indexes telling the same story: average-linkage over the
    article pairs proposed by an inverted index of each article's top shared terms
    (over-common terms propose no pairs).  `cast` is cast_terms of the mentions."""
    vectors, keys = _article_vectors(statements, cast)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, terms in enumerate(keys):
        for term in terms:
            postings[term].append(i)
    # Short articles have few index terms: a pair shares half of the shorter one's, at most
    # STORY_MIN_SHARED (the threshold grows with the length, so the shorter one sets it).
    needed = [min(STORY_MIN_SHARED, max(2, len(terms) // 2)) for terms in keys]
    needing: Counter[int] = Counter()  # threshold -> bit set of the articles it applies to
    for i, need in enumerate(needed):
        needing[need] |= 1 << i
    shared = {term: members for term, members in postings.items() if len(members) > 1}
    levels_of = _shared_levels(([shared[t] for t in terms if t in shared] for terms in keys), STORY_MIN_SHARED)
    edges = {}
    for a, levels in enumerate(levels_of):
        proposed = levels[needed[a] - 1]
        for need in range(2, needed[a]):  # partners whose own threshold is lower
            proposed |= levels[need - 1] & (needing[need] >> a + 1)
        va = vectors[a]
        for b in _members(proposed, a + 1):
            vb = vectors[b]
            edges[a, b] = math.fsum([va[t] * vb[t] for t in va.keys() & vb.keys()])
    return _average_link(len(vectors), edges, STORY_LINK_COSINE, STORY_GROUP_AVERAGE, MAX_STORY_ARTICLES,
                         vectors)


# ---------------------------------------------------------------- facts

def term_weights(statements: list[list[Statement]]) -> dict[str, float]:
    """Squared weight of every term: idf over all statements, numbers boosted most,
    then entities and paraphrase groups.  Also sets each statement's norm.  The idf
    counts a prior of unrelated statements so that in a short stream the story's own
    central names (in nearly every sentence) still weigh something."""
    df: Counter[str] = Counter(chain.from_iterable(st.terms for sts in statements for st in sts))
    total = sum(len(sts) for sts in statements) + IDF_PRIOR_STATEMENTS
    weights = {}
    for term, count in df.items():
        boost = 2.0 if term[0] == "#" else 1.5 if term[0] in "=@" else 1.0
        weights[term] = (boost * math.log(total / count)) ** 2
    for sts in statements:
        for st in sts:
            st.norm = math.sqrt(math.fsum(map(weights.__getitem__, st.terms))) or 1.0
    return weights


def _similarities(a: Statement, candidates: list[int], statements: list[Statement],
                  weights: dict[str, float]) -> list[tuple[int, float]]:
    """(b, weighted cosine of the term sets of a and statements[b]) for the candidates b
    that share at least three terms with a (or all of a short statement's, but never fewer
    than two).  One call per statement, not per pair: a day of news has 10^6 pairs."""
    terms, norm = frozenset(a.terms), a.norm
    need = min(FACT_MIN_SHARED, len(terms))
    out = []
    for b in candidates:
        other = statements[b]
        common = terms.intersection(other.terms)
        if len(common) >= max(2, min(need, len(other.terms))):
            out.append((b, math.fsum(map(weights.__getitem__, common)) / (norm * other.norm)))
    return out


def _disputes(denial: Statement, st: Statement) -> bool:
    """Whether a denial disputes an asserted statement of its fact.  A negation does so
    only when the statement asserts the verb it negates ("was not charging for the
    service" says nothing against "the data is sent to every network"; "the party could
    not win" and "no date has been set" assert nothing), and never on the statement's own
    line: there it is a sentence of the same quotation read twice."""
    if not denial.negates:
        return True
    if (denial.line, denial.article, denial.source) == (st.line, st.article, st.source):
        return False
    if not _negation_table()["none"].isdisjoint(map(str.lower, _WORD.findall(st.text))):
        return False
    asserted = frozenset(st.terms).difference(*_negated_verbs(st.text, None))
    return not denial.negates.isdisjoint(asserted)


def _speaker_key(st: Statement) -> str:
    return (st.speaker or f"writer of {st.source}#{st.article}").lower()


def _summary(members: list[Statement]) -> str:
    """The shortest asserted wording among the members (falls back to any member)."""
    pool = [m for m in members if m.polarity == "assert"] or members
    text = min(pool, key=lambda m: (len(m.text), m.article, m.line)).text.strip()
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS - 1].rstrip() + "…"


def _one_per_line(statements: list[Statement]) -> list[Statement]:
    seen, out = set(), []
    for st in statements:
        if (st.source, st.article, st.line) not in seen:
            seen.add((st.source, st.article, st.line))
            out.append(st)
    return out


def _figure_conflicts(members: list[Statement]) -> list[tuple[str, dict[float, list[Statement]]]]:
    """Counted nouns given different values by statements of different articles that share
    context.  Within one article different values of a noun count different things ("13
    players" in the squad, "6 players" injured), not a disagreement between sources."""
    by_noun: dict[str, list[tuple[float, Statement]]] = defaultdict(list)
    for st in members:
        for noun, value in st.counts:
            by_noun[noun].append((value, st))
    conflicts = []
    for noun, items in sorted(by_noun.items()):
        values = {v for v, _ in items}
        if len(values) < 2:
            continue
        by_value: dict[float, list[Statement]] = defaultdict(list)
        for value, st in items:
            by_value[value].append(st)
        related = any(
            (x.source, x.article) != (y.source, y.article)
            for i, (vx, x) in enumerate(items[:MAX_FIGURE_COMPARISONS]) for vy, y in items[i + 1:MAX_FIGURE_COMPARISONS]
            if vx != vy and len(frozenset(x.terms).intersection(y.terms) - {noun, "#" + _format_number(vx), "#" + _format_number(vy)}) >= 3
        )
        if related:
            conflicts.append((noun, dict(by_value)))
    return conflicts


def _average_link(n: int, edges: dict[tuple[int, int], float], link: float, threshold: float,
                  max_size: int, vectors: list[dict[str, float]] | None = None) -> list[list[int]]:
    """Greedy average-linkage clustering of n items, proposed edges best first: two
    groups merge only when the mean similarity over all their cross pairs reaches the
    threshold, so one item that touches two topics does not chain them together as
    single-link would.  With unit `vectors` the mean is the exact mean cosine (the dot
    product of the groups' summed vectors over the number of pairs); without, pairs that
    are not edges count 0 and only the edge sums between groups are kept.  The vectors
    are summed in place (a copy of every article's vector doubled what linking held)."""
    group_of = list(range(n))
    members = {i: [i] for i in range(n)}
    if vectors is not None:
        sums = dict(enumerate(vectors))
    else:
        sums = {i: {} for i in range(n)}
        for (a, b), score in edges.items():
            sums[a][b] = sums[b][a] = score
    # best first, ties in pair order (a stable sort keeps the order of equals)
    for (a, b), score in sorted(sorted(edges.items()), key=itemgetter(1), reverse=True):
        if score < link:
            break
        ga, gb = group_of[a], group_of[b]
        if ga == gb or len(members[ga]) + len(members[gb]) > max_size:
            continue
        if vectors is not None:
            small, large = sorted((sums[ga], sums[gb]), key=len)
            total = sum(map(mul, small.values(), map(large.get, small, repeat(0.0))))
        else:
            total = sums[ga].get(gb, 0.0)
        if total < threshold * len(members[ga]) * len(members[gb]):
            continue
        keep, gone = min(ga, gb), max(ga, gb)
        if vectors is not None:
            for t, w in small.items():
                large[t] = large.get(t, 0.0) + w
            sums[keep] = large
            del sums[gone]
        else:
            for other, between in sums.pop(gone).items():
                if other != keep:
                    sums[keep][other] = sums[keep].get(other, 0.0) + between
                    row = sums[other]
                    row[keep] = row.get(keep, 0.0) + row.pop(gone)
            sums[keep].pop(gone, None)
        for i in members[gone]:
            group_of[i] = keep
        members[keep].extend(members.pop(gone))
    return sorted(sorted(group) for group in members.values())


def find_facts(story_statements: list[Statement], weights: dict[str, float]) -> list[tuple[str, str, list[Statement], list[Statement]]]:
    """(status, summary, supports, disputes) of one story, in citation order."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, st in enumerate(story_statements):
        for term in st.terms:
            postings[term].append(i)
    # Statements of one article with one polarity are never compared: a term only they
    # share proposes nothing (a 5 MB line of one article has 40,000 statements).
    sides: dict[tuple, int] = {}
    side = [sides.setdefault((st.source, st.article, st.polarity), len(sides)) for st in story_statements]
    mixed = {term: members for term, members in postings.items() if len(members) > 1 and (
             side[members[0]] != side[members[-1]] or len(set(map(side.__getitem__, members))) > 1)}
    of_side: Counter[int] = Counter()  # side -> bit set of its statements
    short = 0  # statements of at most two terms, which need only two in common
    for i, (st, s) in enumerate(zip(story_statements, side)):
        of_side[s] |= 1 << i
        if len(st.terms) <= 2:
            short |= 1 << i
    # Unless a long posting list was windowed, the levels count every term a pair of
    # sides shares, so pairs that _similarities would pass over are not even proposed.
    exact = all(len(members) <= MAX_POSTING for members in mixed.values())
    levels_of = _shared_levels(([mixed[t] for t in st.terms if t in mixed] for st in story_statements), 3)
    edges = {}
    for a, (_, twice, thrice) in enumerate(levels_of):
        later = a + 1  # the first statement the bit sets of a stand for
        proposed = twice & ~(of_side[side[a]] >> later)
        if exact and len(story_statements[a].terms) > 2:
            proposed &= thrice | (short >> later)
        for b, score in _similarities(story_statements[a], _members(proposed, later), story_statements, weights):
            if score > 0:
                edges[a, b] = score
    # Sparse mean: a pair that shares too few terms to be compared counts 0, as in
    # _similarities.
    groups = _average_link(len(story_statements), edges, FACT_LINK_COSINE, FACT_GROUP_AVERAGE,
                           MAX_FACT_STATEMENTS)

    facts = []
    used: set[int] = set()  # ids of statements already in a fact
    for group in groups:
        if len(group) < 2:
            continue
        members = [story_statements[i] for i in group]
        supports = [m for m in members if m.polarity == "assert"]
        disputes = [m for m in members if m.polarity == "deny"]
        deniers = {_speaker_key(m) for m in disputes}
        # A sentence that reports the denial ("X denied the charges") asserts nothing
        # against it.
        if disputes and any(_speaker_key(m) not in deniers and not _reports_denial(m.text)
                            and any(_disputes(d, m) for d in disputes) for m in supports):
            facts.append(("contested", _summary(members), supports, disputes))
        elif len({(m.source, m.article) for m in members}) >= 2 and (supports or len(disputes) > 1):
            # Asserted, or a denial reported alike, in two or more articles.
            facts.append(("corroborated", _summary(members), members, []))
        else:
            continue
        used.update(id(m) for m in members)
    for noun, by_value in _figure_conflicts(story_statements):
        ranked = sorted(by_value.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        head = list(ranked[0][1])
        others = [st for _, sts in ranked[1:] for st in sts]
        # A corroborated fact made of the disputed statements becomes this contest; what
        # is left of it stays corroborated if it still spans two articles.
        disputed = {id(st) for st in head + others}
        for fact in [f for f in facts if f[0] == "corroborated"]:
            rest = [st for st in fact[2] if id(st) not in disputed]
            if len(rest) < len(fact[2]):
                facts.remove(fact)
                if len({(st.source, st.article) for st in rest}) >= 2:
                    facts.append(("corroborated", _summary(rest), rest, fact[3]))
        summary = f"{noun}: " + " vs ".join(_format_number(v) for v, _ in ranked)
        facts.append(("contested", summary, _one_per_line(head), _one_per_line(others)))
        used.update(disputed)
    for st in story_statements:
        if id(st) not in used and st.is_claim and st.speaker:
            facts.append(("single", _summary([st]), [st], []))
    order = {"contested": 0, "corroborated": 1, "single": 2}
    facts.sort(key=lambda f: (order[f[0]], min((s.source, s.article, s.line) for s in f[2] + f[3])))
    return facts


# ---------------------------------------------------------------- entry point

def _computed(module: str, function: str, articles: list[Article]) -> list:
    """Records of a sibling extractor, run on the same articles."""
    from importlib import import_module
    return getattr(import_module(f"{__package__}.{module}"), function)(articles)


def _title(article: Article) -> str:
    for ln in article.lines:
        if ln.kind == "headline":
            return ln.text.strip()
    for ln in article.lines:
        if ln.kind not in DEBRIS_KINDS and ln.text.strip():
            # the title is cut to TITLE_CHARS anyway: a 5 MB line is not split whole
            start, end = sentence_spans(ln.text[:TITLE_SCAN_CHARS])[0]
            text = ln.text[start:end].strip()
            return text if len(text) <= TITLE_CHARS else text[:TITLE_CHARS - 1].rstrip() + "…"
    return ""


def _top_entities(canonicals: list[tuple[str, ...]]) -> list[str]:
    """The most widespread canonical names of a story, from each article's name mentions."""
    in_articles: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for names in canonicals:
        total.update(names)
        in_articles.update(set(names))
    ranked = sorted(total, key=lambda n: (-in_articles[n], -total[n], n))
    return ranked[:TOP_ENTITIES]


def _row_runs(records: list, *names: str) -> Iterator[tuple[tuple[str, int], Iterator[tuple]]]:
    """((source, article), the named fields of each record) for each run of consecutive
    extractor records (dataclasses or dicts) of one article; fields are read with
    attrgetter: a 5 MB line yields hundreds of thousands of records."""
    if records and isinstance(records[0], dict):
        for key, run in groupby(records, lambda r: (r.get("source"), r.get("article"))):
            yield key, (tuple(r.get(n) for n in names) for r in run)
    else:
        yield from ((key, map(attrgetter(*names), run))
                    for key, run in groupby(records, attrgetter("source", "article")))


def _rows_by_article(records: list, *names: str) -> dict[tuple[str, int], list[tuple]]:
    """(source, article) -> the named fields of each extractor record (see _row_runs)."""
    out: dict[tuple[str, int], list[tuple]] = defaultdict(list)
    for key, rows in _row_runs(records, *names):
        out[key].extend(rows)
    return out


# The fields of an `entities` record that stories reads, read once for names and cast.
MENTION_FIELDS = ("line", "start", "end", "text", "type", "canonical")


def _claim_rows(claims: list) -> dict[tuple[str, int], list[ClaimRow]]:
    """The ClaimRow of each claim record, by article."""
    return {key: list(map(ClaimRow._make, rows)) for key, rows in _rows_by_article(claims, *ClaimRow._fields).items()}


def _figure_rows(figures: list) -> dict[tuple[str, int], list[tuple]]:
    """(line, start, end, (surface, counted noun stem, value)) of each counted figure, by article."""
    out: dict[tuple[str, int], list[tuple]] = {}
    for key, rows in _rows_by_article(figures, "line", "start", "end", "text", "counts", "value").items():
        out[key] = [(line, start, end, (text or "", _stem(str(noun).split()[-1].lower()), float(value)))
                    for line, start, end, text, noun, value in rows if noun and isinstance(value, (int, float))]
    return out


class _Reduced(NamedTuple):
    """What a story record says of one article, read before the article is let go."""
    source: str
    number: int
    outlet: str | None
    title: str
    canonicals: tuple[str, ...]  # the canonical name of each of its name mentions


def _reduced_articles(articles: list[Article], names_of: dict, claims_of: dict | None,
                      figures_of: dict | None) -> Iterator[tuple[_Reduced, list[Statement]]]:
    """Each article reduced to its story-record fields and its statements, in input order.
    The claims and figures extractors are run here, on the articles of one (source, article)
    key at a time, when their records were not given; each article is dropped from `articles`
    once reduced, so the whole input is never held next to its statements and the records of
    all its articles are never held at once."""
    at_key: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, a in enumerate(articles):
        at_key[(a.source, a.number)].append(i)
    done: dict[int, tuple[_Reduced, list[Statement]]] = {}
    for i in range(len(articles)):
        if i not in done:
            key = (articles[i].source, articles[i].number)
            group = [articles[k] for k in at_key[key]]  # more than one when a source is given twice
            claims = claims_of.get(key, []) if claims_of is not None else \
                _claim_rows(_computed("claims", "extract_claims", group)).get(key, [])
            figures = figures_of.get(key, []) if figures_of is not None else \
                _figure_rows(_computed("figures", "extract_figures", group)).get(key, [])
            names = names_of.get(key, [])
            canonicals = tuple(row[4] for row in names)
            for k, a in zip(at_key[key], group):
                done[k] = (_Reduced(a.source, a.number, detect_outlet(a), _title(a), canonicals),
                           build_statements(a, claims, names, figures))
                articles[k] = None
            del group
        yield done.pop(i)


def _forget_reading_caches() -> None:
    """Empty the caches that reading articles fills, once every article is read: full,
    they hold tens of megabytes that linking and fact finding can use instead."""
    for cached in (_analysed, _surface_words, _word_term, clauses, _deny_split, negation, _sentence_spans):
        cached.cache_clear()


def group_stories(articles: list[Article], mentions: list | None = None, claims: list | None = None,
                  figures: list | None = None) -> list[StoryRecord | FactRecord]:
    """Story records, each followed by its fact records, over the articles of every input
    source.  Pass the records of `entities`, `claims` and `figures` when they are already
    computed; otherwise those extractors are run here."""
    return list(iter_stories(articles, mentions, claims, figures))


def iter_stories(articles: Iterable[Article], mentions: list | None = None, claims: list | None = None,
                 figures: list | None = None) -> Iterator[StoryRecord | FactRecord]:
    """group_stories one story at a time.  Each article is boiled down to its statements
    and the few fields of its story record, and the extractors' records to the rows
    stories reads, as soon as they are made; a story's facts are found when it is written:
    the articles, all three record lists, or every story's citations, held at once made the
    peak memory forty times the input."""
    with collector_paused():
        articles = list(articles)  # a list of our own, emptied as the articles are reduced
        if mentions is None:
            mentions = list(chain.from_iterable(_computed("entities", "named_mentions", articles)))
        names_of, cast = _mention_digest(mentions)
        del mentions
        claims_of = None if claims is None else _claim_rows(claims)
        figures_of = None if figures is None else _figure_rows(figures)
        del claims, figures
        reduced, statements = [], []
        for about, article_statements in _reduced_articles(articles, names_of, claims_of, figures_of):
            reduced.append(about)
            statements.append(article_statements)
        del articles, names_of, claims_of, figures_of
        _forget_reading_caches()
        weights = term_weights(statements)
        groups = link_articles(statements, cast)

    for number, group in enumerate(groups, 1):
        members = [reduced[i] for i in group]
        yield StoryRecord(
            "story", number, [{"source": a.source, "article": a.number, "outlet": a.outlet} for a in members],
            members[0].title, _top_entities([a.canonicals for a in members]))
        with collector_paused():
            facts = find_facts([st for i in group for st in statements[i]], weights)
        for status, summary, supports, disputes in facts:
            yield FactRecord("fact", number, status, summary, [s.cite() for s in supports], [d.cite() for d in disputes])
