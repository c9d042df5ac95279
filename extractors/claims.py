"""Attributed statements in news text: who said what, as direct, reported or mixed speech.

The extractor is rule-based.  For each content line it finds the quotations (a linear scan
over quote marks, so unbalanced marks cost nothing and never reach past the paragraph),
cuts the line into sentences outside quotations, finds reporting cues from the word lists
in `extractors/data/claims_*.txt`, and for each cue reads the speaker (a noun phrase before
or after the cue, skipping asides such as ", a provincial lawmaker in Kunduz,") and the
content (the quotation or reported clause on the other side).  Paragraphs made only of a
quotation continue the previous direct claim, or wait for a speaker named after them
("... continued: ").  Speakers given as pronouns, titles or descriptions are resolved to
the nearest compatible named speaker of the same article.
"""
from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate, compress, islice, takewhile
from operator import attrgetter, itemgetter, methodcaller, sub

import regex

from .text import Article, Line, data_lines, data_set

__all__ = ["Claim", "extract_claims", "find_quotes"]


@dataclass(slots=True)
class Claim:
    source: str
    article: int
    line: int  # first line of the content
    lines: list[int]  # every line the content touches
    speaker: str | None  # as written: "Officials", "she", "Fox News presenter Bret Baier"
    speaker_resolved: str | None  # the named person or organisation, when the text makes it plain
    role: str | None  # apposition or title: "a provincial lawmaker in Kunduz"
    cue: str | None  # "said", "told the BBC", "according to", ":" for "Name: 'quote'"
    kind: str  # direct | indirect | mixed
    polarity: str  # assert | deny
    content: str  # segments joined by one space
    start: int  # code-point offset of the content on `line`
    end: int  # end offset (exclusive) of the content on the last of `lines`


# --------------------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class _Lexicon:
    cues: dict[str, tuple[str, str]]  # word -> (polarity, frame)
    source_nouns: frozenset[str]
    statement_nouns: frozenset[str]
    claim_nouns: frozenset[str]
    determiners: frozenset[str]
    np_stop: frozenset[str]
    adverbs: frozenset[str]
    time_words: frozenset[str]
    addressees: frozenset[str]
    pronouns: dict[str, str]  # pronoun -> gender m|f|n|p|x
    gender_words: dict[str, str]
    titles: frozenset[str]
    person_descriptions: frozenset[str]  # "the teenager": whoever was named last
    speaker_participles: frozenset[str]  # "…, X said, speaking in London": no content
    org_nouns: frozenset[str]
    org_heads: frozenset[str]  # head words of organisation names ("Department", "Institute")
    cue_keys: frozenset[str]  # every word that can start a cue


@cache
def _lexicon() -> _Lexicon:
    cues = {}
    for row in data_lines("claims_cues.txt"):
        word, polarity, frame = row.split()
        cues[word] = (polarity, frame)
    return _Lexicon(
        cues=cues,
        source_nouns=_with_plurals(data_set("claims_source_nouns.txt")),
        statement_nouns=data_set("claims_statement_nouns.txt"),
        claim_nouns=data_set("claims_claim_nouns.txt"),
        determiners=data_set("claims_determiners.txt"),
        np_stop=data_set("claims_np_stop.txt"),
        adverbs=data_set("claims_adverbs.txt"),
        time_words=data_set("claims_time_words.txt"),
        addressees=data_set("claims_addressees.txt"),
        pronouns=dict(row.split() for row in data_lines("claims_pronouns.txt")),
        gender_words=dict(row.split() for row in data_lines("claims_gender_words.txt")),
        titles=data_set("claims_titles.txt"),
        person_descriptions=data_set("claims_person_descriptions.txt"),
        speaker_participles=data_set("claims_speaker_participles.txt"),
        org_nouns=data_set("claims_org_nouns.txt"),
        org_heads=_with_plurals(data_set("entities_org_heads.txt", lower=True) | data_set("claims_org_heads.txt")),
        cue_keys=frozenset(cues) | {"according", "read", "pointed"},
    )


def _with_plurals(nouns: frozenset[str]) -> frozenset[str]:
    """The nouns and their regular plurals ("attorney" -> "attorneys", "agency" -> "agencies")."""
    return nouns | {n[:-1] + "ies" if n.endswith("y") and n[-2:-1] not in "aeiou" else n + "s" for n in nouns}


# Prepositions that may stay inside a speaker's noun phrase after a source noun
# ("a spokesman for the security forces", "officials in Kunduz", "a statement from X").
_NP_PREPOSITIONS = frozenset({"of", "for", "from", "in", "at", "on"})
# Prepositions that open a trailing time or channel phrase ("on Sunday", "in a statement").
_PHRASE_PREPOSITIONS = frozenset({"on", "in", "at", "during", "last", "this", "late", "early",
                                  "from", "via", "to", "with", "after", "before", "over"})
_PASSIVE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_PASSIVE_AUXILIARIES = _PASSIVE | {"has", "have", "had"}  # "have been rejected by"
# Finite auxiliaries: a clause reported after a weak cue has one ("warned the sites were
# capable"), a direct object does not ("claimed silver", "confirmed the deal").
_FINITE = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "could",
                     "can", "may", "might", "must", "should", "shall", "did", "does", "do"})
_COPULAS = frozenset({"is", "was"})
_WH_WORDS = frozenset({"who", "which", "whose", "whom", "where", "when"})
# How far (in tokens) the rules look around a cue for an aside, a role or a quotation, so
# that a sentence with thousands of cues is still read in linear time.
_WINDOW = 40
# Words that open an aside between a speaker and the cue that is not a role
# ("X, for example, said", "X, in a statement, said", "X, however, said").
_ASIDE_ADVERBIALS = frozenset({"for", "in", "on", "however", "meanwhile", "though", "too", "also",
                               "instead", "too", "moreover", "speaking", "asked", "now"})
# Participles that open an aside when a preposition follows ("dressed in", "flanked by",
# "known as"): regular ones end in -ed, these do not.
_IRREGULAR_PARTICIPLES = frozenset({"clad", "known", "born", "led", "seen", "shown", "held", "sworn", "chosen"})
# What a participle cue after a comma inherits its speaker from ("..., saying ...").
_LINKS = frozenset({",", "and", "but", "while", "before", "after", "—", "–", "-"})

# --------------------------------------------------------------------------- quotations

_QUOTE_MARK = re.compile(r"[\"“”„'‘’]")
# The marks that can open or close a quotation: a single mark between two letters or digits
# ("don't", "Britain’s") does neither, so the scan passes over it in C.
# The pattern opens with its class so that the engine can look for that first.
_QUOTE_MARK_IN_PLAY = re.compile(r"[\"“”„'‘’](?!(?<=[^\W_]['‘’])[^\W_])")
_DOUBLE_OPEN = frozenset('"“„')
_DOUBLE_CLOSE = frozenset('"”')
_SINGLE_OPEN = frozenset("'‘")
_SINGLE_CLOSE = frozenset("'’")
_QUOTE_MARKS = _DOUBLE_OPEN | _DOUBLE_CLOSE | _SINGLE_OPEN | _SINGLE_CLOSE


@dataclass(slots=True)
class Quote:
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark, or len(text) when the quote runs to the line end
    closed: bool
    open_width: int = 1  # 2 for the doubled apostrophes ('') some papers use as quotation marks
    close_width: int = 1

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + self.open_width, self.close

    @property
    def after(self) -> int:
        """Offset just after the closing mark."""
        return self.close + self.close_width


def _has_quote_mark(text: str) -> bool:
    """`_QUOTE_MARK.search` without the regex engine: in an ASCII paragraph, the test for
    a curly mark fails at once."""
    return '"' in text or "'" in text or "“" in text or "”" in text or "„" in text or "‘" in text or "’" in text


def find_quotes(text: str) -> list[Quote]:
    """Top-level quotations of one line, in order.  Quotes nested inside another are part of
    it.  A double quote left open runs to the end of the line (a quote that continues in the
    next paragraph); a single mark left open is taken for an apostrophe and scanning resumes
    after it with single marks ignored, so the scan stays linear."""
    quotes, pending = _scan_quotes(text, 0, allow_single=True)
    if pending is not None:
        rest, _ = _scan_quotes(text, pending + 1, allow_single=False)
        quotes.extend(rest)
    return quotes


def _scan_quotes(text: str, begin: int, allow_single: bool) -> tuple[list[Quote], int | None]:
    n = len(text)
    quotes: list[Quote] = []
    state = None  # None, "d" (inside double quotes) or "s" (inside single quotes)
    opened = -1
    width = 1
    skip_to = -1
    for m in _QUOTE_MARK_IN_PLAY.finditer(text, begin):
        i = m.start()
        if i < skip_to:
            continue
        mark = text[i]
        w = 1
        if mark == "'" and i + 1 < n and text[i + 1] == "'":
            mark, w, skip_to = '"', 2, i + 2  # '' used as a double quotation mark
        before = text[i - 1] if i > 0 else " "
        after = text[i + w] if i + w < n else " "
        if state is None:
            if mark in _DOUBLE_OPEN and not after.isspace() and (mark != '"' or not before.isalnum()):
                state, opened, width = "d", i, w
            elif (allow_single and mark in _SINGLE_OPEN and not after.isspace()
                  and not before.isalnum() and after.isalnum()):
                state, opened, width = "s", i, 1
        elif state == "d":
            if mark in _DOUBLE_CLOSE and (mark == "”" or not before.isspace() or after.isspace()):
                quotes.append(Quote(opened, i, True, width, w))
                state = None
        elif mark in _SINGLE_CLOSE and not before.isspace() and not after.isalnum():
            quotes.append(Quote(opened, i, True))
            state = None
    if state == "d":
        quotes.append(Quote(opened, n, False, width, 0))
    return quotes, (opened if state == "s" else None)


# --------------------------------------------------------------------------- tokens and sentences

# Tokens: numbers with separators ("1,200", "9/11", and hyphenated: "21-year-old"), words with inner
# apostrophes, hyphens or dots, single marks.  Every repeat is separated by a required mark,
# so no input backtracks; the standard library engine runs this simple pattern about twice
# as fast as `regex`.
_TOKEN = re.compile(r"\d+(?:[.,/]\d+)*(?:-\w+)*|\w+(?:['’\-.]\w+)*|\S")
# The same tokens with the spaces before them, as one string each (cheaper than a pair of
# groups); the atomic group and possessive repeats save the engine from keeping backtracking
# points it never uses (a quarter of its time on a long line).  Python 3.10's engine has
# neither and reads the same tokens without them.
_SPACED_TOKEN = re.compile(
    r"\s*+(?>\d++(?:[.,/]\d++)*+(?:-\w++)*+|\w++(?:['’\-.]\w++)*+|\S)" if sys.version_info >= (3, 11)
    else r"\s*(?:\d+(?:[.,/]\d+)*(?:-\w+)*|\w+(?:['’\-.]\w+)*|\S)")
_FIRST = itemgetter(0)
_COMMA = frozenset({","})
_CLAUSE_MARKS = frozenset({",", ";"})
_SENTENCE_END = regex.compile(r"[.!?…]++[\"”’']{0,2}+\s++(?=[\"“‘'(]{0,2}+[\p{Lu}\d])")
# Abbreviations whose full stop does not end a sentence, besides initials ("J.", "U.S.").
_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Col", "Lt", "Sgt", "Capt", "Prof", "Rev",
                  "No", "vs", "Gov", "Sen", "Rep", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec")
_ABBREVIATION = regex.compile(rf"(?:\b(?:{'|'.join(_ABBREVIATIONS)})|\b\p{{Lu}}|\.\p{{Lu}})\.$")
# The last two letters of each abbreviation: a full stop after other ASCII characters
# ends its sentence without a look at the abbreviation pattern.
_ABBREVIATION_ENDINGS = frozenset(a[-2:] for a in _ABBREVIATIONS)


class _TokenFlags(dict):
    """A `str.translate` table giving, for any character, "\\x01" when `test` holds for it
    and "\\x00" otherwise.  A sentence's string of first letters, translated and encoded,
    then tells for every token at once (a byte of 0 or 1) whether it is a word or a
    capital, in C; a character is tested only the first time it is seen."""

    def __init__(self, test) -> None:
        super().__init__()
        self.test = test

    def __missing__(self, code: int) -> str:
        flag = self[code] = "\x01" if self.test(chr(code)) else "\x00"
        return flag


_IS_WORDY = _TokenFlags(str.isalnum)
_IS_CAPITAL = _TokenFlags(str.isupper)


@dataclass(slots=True)
class _Tokens:
    """The tokens of one line with what the rules ask about them.  The tables are tuples
    and the yes/no tables bytes (0 or 1 per token): neither is walked by the garbage
    collector, so a sentence of a million tokens is not walked again at each collection
    while its claims are built."""
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    words: tuple[str, ...]
    lower: tuple[str, ...]
    quoted: bytes  # inside a quotation, or a quotation mark itself
    quote_of: tuple[int, ...]  # index into `quotes` of the quotation holding the token, else -1
    quotes: list[Quote]
    wordy: bytes  # a word or number, not a mark
    cap: bytes  # starts with a capital letter
    first_content: int  # the first word or quoted token (len(words) when none)
    _commas: tuple[int, ...] | None = None
    _gloss_breaks: tuple[int, ...] | None = None

    def span_text(self, a: int, b: int) -> str:
        return self.text[self.starts[a]:self.ends[b - 1]] if b > a else ""

    def commas(self) -> tuple[int, ...]:
        """Indices of the unquoted commas.  Like the gloss breaks, they are found once for
        the sentence, so that each of its many claims bisects them for its own range."""
        if self._commas is None:
            self._commas = self._unquoted(_COMMA)
        return self._commas

    def gloss_breaks(self) -> tuple[int, ...]:
        """Indices of the unquoted semicolons, and of the unquoted commas before an unquoted
        word that opens a gloss or a new clause ("…, which is …", "…, but he …")."""
        if self._gloss_breaks is None:
            words, lower, quoted = self.words, self.lower, self.quoted
            last = len(words) - 1
            self._gloss_breaks = tuple(i for i in self._unquoted(_CLAUSE_MARKS) if words[i] == ";" or (
                i < last and lower[i + 1] in _GLOSS_OPENERS and not quoted[i + 1]))
        return self._gloss_breaks

    def _unquoted(self, marks: frozenset[str]) -> tuple[int, ...]:
        """Indices of the tokens outside quotations that are one of `marks`."""
        found = compress(range(len(self.words)), map(marks.__contains__, self.words))
        quoted = self.quoted
        return tuple(i for i in found if not quoted[i]) if 1 in quoted else tuple(found)


def _tokenize(text: str, quotes: list[Quote], a: int = 0, b: int | None = None) -> _Tokens:
    """Tokens of text[a:b] (a sentence), with offsets into the whole line.  Each token comes
    with the spaces before it, so the offsets are running sums of lengths and every table is
    built by C-level maps rather than a Python loop per token."""
    spaced = _SPACED_TOKEN.findall(text, a, len(text) if b is None else b)
    ends = tuple(islice(accumulate(map(len, spaced), initial=a), 1, None))
    words = tuple(map(str.lstrip, spaced))  # a token never starts with a space
    starts = tuple(map(sub, ends, map(len, words)))
    n = len(words)
    if quotes and n and quotes[-1].after > a and quotes[0].open <= starts[-1]:
        quoted, quote_of = _quoted_tokens(quotes, a, starts)
    else:  # most sentences hold no quotation
        quoted, quote_of = bytes(n), (-1,) * n
    initials = "".join(map(_FIRST, words))
    wordy = initials.translate(_IS_WORDY).encode("latin-1")
    first_word, first_quoted = wordy.find(1), quoted.find(1)
    first_content = min(first_word if first_word >= 0 else n, first_quoted if first_quoted >= 0 else n)
    return _Tokens(text, starts, ends, words, tuple(map(str.lower, words)), quoted, quote_of,
                   quotes, wordy, initials.translate(_IS_CAPITAL).encode("latin-1"), first_content)


def _quoted_tokens(quotes: list[Quote], a: int, starts: tuple[int, ...]) -> tuple[bytes, tuple[int, ...]]:
    """(quoted, quote_of) for tokens starting at `starts`: one walk over tokens and
    quotations together."""
    n = len(starts)
    quoted, quote_of = bytearray(n), [-1] * n
    i = 0
    first = max(0, bisect.bisect_right(quotes, a, key=_QUOTE_OPEN) - 1)
    for qi in range(first, len(quotes)):
        q = quotes[qi]
        if q.open > starts[-1]:
            break
        i = bisect.bisect_left(starts, q.open, i)
        j = bisect.bisect_left(starts, q.after, i)
        quoted[i:j] = b"\x01" * (j - i)
        quote_of[i:j] = [qi] * (j - i)
        i = j
    return bytes(quoted), tuple(quote_of)


@lru_cache(maxsize=256)
def _sentence_end_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every match of `_SENTENCE_END` in a line, found once: the speakers of a
    line are resolved (`_SentenceNames`) after its claims are read, from the same sentence
    ends.  The cache holds about an article's lines, so memory stays flat on a long stream."""
    return tuple(map(_SPAN, _SENTENCE_END.finditer(text)))


_SPAN = methodcaller("span")


def _sentences(text: str, quotes: list[Quote]) -> list[tuple[int, int]]:
    """Character ranges of the sentences of a line; a sentence never ends inside a quotation."""
    opens = list(map(_QUOTE_OPEN, quotes))
    ranges = []
    first = 0
    for stop, pos in _sentence_end_spans(text):
        if opens:
            qi = bisect.bisect_right(opens, pos - 1) - 1
            if qi >= 0 and quotes[qi].open < pos <= quotes[qi].close:
                continue
        if _after_abbreviation(text, stop):
            continue
        ranges.append((first, pos))
        first = pos
    if first < len(text):
        ranges.append((first, len(text)))
    return ranges


def _after_abbreviation(text: str, stop: int) -> bool:
    """Is the mark at `stop` the full stop of an abbreviation or an initial ("Mr.", "J.")?"""
    if stop == 0 or text[stop] != ".":
        return False
    before = text[stop - 1]
    if before.isascii() and not before.isupper() and text[max(0, stop - 2):stop] not in _ABBREVIATION_ENDINGS:
        return False  # neither an initial nor the end of an abbreviation
    return _ABBREVIATION.search(text, max(0, stop - 6), stop + 1) is not None


_QUOTE_OPEN = attrgetter("open")  # the bisection key of a line's quotations


_ALNUM = re.compile(r"[^\W_]")


def _bare_quote(text: str, quotes: list[Quote], a: int, b: int) -> bool:
    """Is text[a:b] quotation only (besides spaces and punctuation), opening with a quote?"""
    if not quotes or (a < b and text[a] not in _QUOTE_MARKS and not text[a].isspace()):
        return False  # (most sentences open with a word: no look at the quotations)
    first = max(0, bisect.bisect_right(quotes, a, key=_QUOTE_OPEN) - 1)
    last = bisect.bisect_left(quotes, b, key=_QUOTE_OPEN)
    inside = [q for q in quotes[first:last] if q.close >= a]
    if not inside or text[a:b].strip()[:1] != text[inside[0].open]:
        return False
    cursor = a
    for q in inside:
        if cursor < q.open and _ALNUM.search(text, cursor, q.open):
            return False
        cursor = q.after
    return cursor >= b or not _ALNUM.search(text, cursor, b)


# --------------------------------------------------------------------------- attributions


@dataclass(slots=True)
class _Attribution:
    cue_start: int
    cue_end: int
    cue: str
    polarity: str
    speaker: tuple[int, int] | None  # token range, None when inherited
    role: str | None
    span: tuple[int, int]  # tokens of speaker + cue + addressee: never content
    content_from: int  # first token of content after the cue
    side: str  # where the content is: "before" or "after" the cue, or the "previous" sentence
    inherits: bool = False
    relative: bool = False  # said in a relative clause after its speaker: "the minister, who said …"
    naming: bool = False  # what the speaker called something: 'called it "a disaster"'


# "Henson himself says", "The WTO itself has warned", "Richards and Menendez both stressed",
# "They all said":
# the speaker is the noun phrase before.  Kept apart from the adverb list, whose words stand
# for no content on their own ("Already, he said, …"), while "himself" may be an object.
_EMPHATIC_REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves", "both", "all"})  # "X and Y both said"


def _skip_back(tokens: _Tokens, j: int, floor: int) -> int:
    """Step back over auxiliaries, adverbs and a time or channel phrase between a speaker
    and its cue ("A Taliban statement on Sunday said", "has also warned")."""
    lex = _lexicon()
    while j >= floor:
        w = tokens.lower[j]
        if w in lex.adverbs or w in _EMPHATIC_REFLEXIVES or (w.endswith("ly") and tokens.wordy[j] and not tokens.cap[j]
                                                              and w not in lex.source_nouns):
            j -= 1
            continue
        if (w in lex.time_words or (len(w) == 4 and w.isdigit())) and not tokens.quoted[j]:
            k = j - 1
            while k >= floor and k >= j - 4 and tokens.lower[k] not in _PHRASE_PREPOSITIONS:
                k -= 1
            if k >= floor and tokens.lower[k] in _PHRASE_PREPOSITIONS and k > floor:
                j = k - 1
                continue
        break
    return j


def _skip_auxiliaries(tokens: _Tokens, j: int, floor: int) -> int:
    """Step back over the auxiliaries of a progressive ("is", "has been", "will be") and the
    adverbs among them."""
    while j >= floor and (tokens.lower[j] in _PASSIVE or tokens.lower[j] in _FINITE):
        j = _skip_back(tokens, j - 1, floor)
    return j


_APOSTROPHES = frozenset("'’")


_QUANTIFIER_PRONOUNS = frozenset({"many", "some", "most", "several", "others"})


def _np_backward(tokens: _Tokens, j: int, floor: int) -> int | None:
    """Start token of the noun phrase that ends at token j, or None when token j cannot end
    a speaker's noun phrase.  A short bracket after a name is kept ("Harry Reid (D-Nev.)")."""
    lex = _lexicon()
    if j - 1 >= floor and tokens.words[j] == "." and tokens.lower[j - 1] in _NAME_PARTICLES:
        j -= 1  # the full stop of "Martin Luther King Jr." belongs to the name
    if j >= floor and tokens.words[j] == ")" and not tokens.quoted[j]:
        opening = next((x for x in range(j - 1, max(floor, j - 8) - 1, -1) if tokens.words[x] == "("), None)
        if opening is None or opening - 1 < floor:
            return None
        return _np_backward(tokens, opening - 1, floor)
    w = tokens.lower[j]
    if j < floor or tokens.quoted[j] or not tokens.wordy[j]:
        return None
    if w in _QUANTIFIER_PRONOUNS and (j == floor or not tokens.wordy[j - 1] or tokens.lower[j - 1] in ("with", "but")):
        return j  # "Many said …", "…, with many saying …": a quantifier standing for people
    if (w in lex.np_stop and not _name_not_modal(tokens, j)) or w in lex.cues or w in lex.determiners \
            or w == "and":
        return None  # (", and, according to Reuters, once told": the conjunction ends no speaker)
    if w in lex.pronouns or (("'" in w or "’" in w) and _is_pronoun(w)):
        return j  # "he", and with a clitic "I'd", "we’ve"
    start = j
    k = j - 1
    while k >= floor and j - k < 14:
        t = tokens.lower[k]
        if _title_dot(tokens, k) and k - 1 >= floor:
            start = k - 1
            k -= 2
            continue
        if tokens.words[k] == "&" and k - 1 >= floor and tokens.cap[k - 1] and not tokens.quoted[k - 1]:
            start = k - 1  # a name joined by an ampersand: "Chapter & Verse", "Marks & Spencer"
            k -= 2
            continue
        if tokens.quoted[k] and tokens.wordy[k + 1]:
            title = _quoted_title_before(tokens, k, floor)
            if title is not None:  # a work's title inside the phrase: 'the "Pose" actor'
                start = title
                k = title - 1
                continue
        if tokens.quoted[k] or not tokens.wordy[k]:
            if tokens.words[k] in _APOSTROPHES and not tokens.quoted[k] and k - 1 >= floor and tokens.cap[k - 1] \
                    and tokens.lower[k - 1].endswith("s") and not tokens.quoted[k - 1]:
                start = k - 1  # an owner with a bare apostrophe: "Kenteris' lawyer", "the Bankers' Association"
                k -= 2
                continue
            break
        if t == "that" and not tokens.cap[k] and tokens.cap[k + 1]:
            break  # a relative pronoun before a name: "a charge that Colorado Republican leaders denied"
        if not tokens.cap[k] and tokens.lower[k + 1].rstrip(".") in _HONORIFICS \
                and (t not in lex.source_nouns or t in lex.org_nouns or t in lex.statement_nouns) \
                and t not in lex.determiners and t not in _NP_PREPOSITIONS and t != "and" and not t.endswith("ing"):
            # a courtesy title opens the name after a phrase with its comma left out
            # ("Speaking to the BBC website Mr Molyneux said"), not after "a lawyer representing"
            break
        if not tokens.cap[k] and tokens.cap[k + 1] and k + 2 <= j and tokens.cap[k + 2] \
                and _given_name_gender(tokens.words[k + 1]) != "unknown" \
                and t not in lex.source_nouns and t not in lex.person_descriptions and t not in _role_modifiers() \
                and t not in lex.determiners and t not in _NP_PREPOSITIONS and t != "and" \
                and t not in lex.gender_words and (k == floor or tokens.lower[k - 1] in lex.determiners):
            # a full name after a phrase with its comma left out: "After the ruling Carla Ferstman said"
            break
        if tokens.cap[k] and tokens.lower[k + 1].rstrip(".") in _HONORIFICS and (
                _object_of_preposition(tokens, k, floor) or t.endswith("ing")):
            # the same with a place, a body or a participle last: "Speaking in Harrogate Mr
            # Kennedy said", "In a speech to the Foreign Policy Centre Mr Straw said"
            break
        if t in lex.determiners:
            start = k
            # "a senior official from the city": keep going past a preposition after a source
            # noun; "one of their frontbenchers": a part of a group speaks for it
            if (k - 2 >= floor and _role_preposition(tokens, k - 1)
                    and (_np_extends_through(tokens, k - 2)
                         or tokens.lower[k - 1] == "of" and tokens.lower[k - 2] in _PART_OF_A_GROUP)):
                k -= 2
                start = k
                k -= 1
                continue
            break
        if t in _NP_PREPOSITIONS or (k - 1 >= floor and _role_preposition(tokens, k)):
            if k - 1 >= floor and _np_extends_through(tokens, k - 1):
                start = k - 1
                k -= 2
                continue
            source = _source_before_phrase(tokens, k, floor)
            if source is not None:
                start, k = source, source - 1
                continue
            break
        if t == "and":
            if k - 1 >= floor and tokens.wordy[k - 1] and not tokens.quoted[k - 1] and (
                    tokens.lower[k - 1] in _subject_heads() or tokens.cap[k - 1]):  # "the singer and guitarist"
                start = k - 1
                k -= 2
                continue
            break
        if (t in lex.np_stop and not _name_not_modal(tokens, k)) or t in lex.cues or t in lex.pronouns:
            break
        start = k
        k -= 1
    return _past_time_phrase(tokens, start, j + 1)


def _quoted_title_before(tokens: _Tokens, k: int, floor: int) -> int | None:
    """The first token of a short capitalised quotation ending at token k (at most four
    words, no comma) that stands after a determiner, an owner or a name, so that it names a
    work inside a noun phrase ('the "Pose" actor', 'NBC's "Today" host'), else None."""
    qi = tokens.quote_of[k]
    opening = k
    while opening - 1 >= floor and tokens.quote_of[opening - 1] == qi:
        opening -= 1
    inside = range(opening, k + 1)
    words = [x for x in inside if tokens.wordy[x]]
    if not words or len(words) > 4 or not tokens.cap[words[0]] or any(tokens.words[x] == "," for x in inside):
        return None
    before = opening - 1
    if before < floor or tokens.quoted[before] or not tokens.wordy[before]:
        return None
    if tokens.lower[before] in _lexicon().determiners or _possessive(tokens.words[before]) or tokens.cap[before]:
        return opening
    return None


# Modal verbs that are also names when capitalised: "Theresa May", "Will Young", "Emre Can".
_NAME_MODALS = frozenset({"may", "will", "can"})


def _name_not_modal(tokens: _Tokens, k: int) -> bool:
    """Is token k a capitalised "May", "Will" or "Can" that names someone ("Theresa May
    said", "May said:", "said Theresa May")?  As a modal it would need a bare verb after it,
    never a cue in the past tense."""
    return tokens.cap[k] and tokens.lower[k] in _NAME_MODALS and not tokens.words[k].isupper()


def _object_of_preposition(tokens: _Tokens, k: int, floor: int) -> bool:
    """Does the run of capitalised words ending at token k follow a preposition (and maybe
    "the"): "in Harrogate", "to the Foreign Policy Centre"?"""
    x = k
    while x > floor and k - x < 6 and tokens.cap[x] and tokens.wordy[x] and not tokens.quoted[x]:
        x -= 1
    if x > floor and tokens.lower[x] == "the" and not tokens.cap[x]:
        x -= 1
    return x >= floor and x < k and tokens.lower[x] in _OBJECT_PREPOSITIONS and not tokens.cap[x] and not tokens.quoted[x]


@dataclass(frozen=True)
class _TimeOpeners:
    days: frozenset[str]  # a time phrase alone before a capitalised subject: "Yesterday"
    dated: frozenset[str]  # weekdays and months, a time phrase after a preposition: "On Tuesday"
    periods: frozenset[str]  # after a deictic word: "last week", "this Tuesday"
    deixis: frozenset[str]
    prepositions: frozenset[str]
    openers: frozenset[str]  # every word a time phrase can open with
    capitalised: frozenset[str]  # the same, as they open a run of capitalised words


@cache
def _time_openers() -> _TimeOpeners:
    kinds: dict[str, set[str]] = {}
    for row in data_lines("claims_time_openers.txt"):
        word, kind = row.split()
        kinds.setdefault(kind, set()).add(word)
    dated = data_set("entities_calendar.txt", lower=True)
    openers = frozenset(kinds["day"] | kinds["deixis"] | kinds["prep"] | dated)
    return _TimeOpeners(frozenset(kinds["day"]), dated, frozenset(kinds["period"] | dated),
                        frozenset(kinds["deixis"]), frozenset(kinds["prep"]), openers,
                        frozenset(w.capitalize() for w in openers))


_ALONE_BEFORE_A_NAME = frozenset({"earlier", "later"})


def _only_a_time_phrase(opening: str) -> bool:
    """Is a sentence's opening before its subject only a time phrase and a comma ("Later that
    evening,", "On Monday,", "Earlier this week,")?"""
    if not opening.endswith(","):
        return False
    words = opening.rstrip(",").lower().split()
    lex, times = _lexicon(), _time_openers()
    return bool(words) and all(w in times.openers or w in lex.time_words or w in _ALONE_BEFORE_A_NAME
                               or w in lex.determiners for w in words)


def _leading_date(words: list[str], after_preposition: bool) -> int:
    """How many of `words` make a time phrase that opens them before a subject.  News often
    fronts the time without a comma ("On Tuesday Foreign Secretary Jack Straw told …", "Last
    week Grammy producers announced …", "Earlier Tory leader Michael Howard said …"), and a
    capitalised day or month then reads as part of the name.  A weekday or month needs its
    preposition ("In December Intel …", but "June Carter Cash", "Sunday Telegraph journalist
    Robert Peston"); "yesterday", "earlier" and "later" alone need a capital after them
    ("earlier reports" is a noun phrase)."""
    times = _time_openers()
    if not words or words[0].lower() not in times.openers:
        return 0
    low = [w.lower() for w in words[:4]]
    n = len(low)
    capital_next = n > 1 and words[1][:1].isupper()
    i = 0
    if n > 1 and low[0] in times.prepositions and low[1] in times.dated:
        i = 2
    elif (low[0] in times.dated and after_preposition) or (low[0] in times.days and capital_next):
        i = 1
    elif low[0] in times.deixis:
        if n > 1 and low[1] in times.periods:
            i = 2
        elif low[0] in _ALONE_BEFORE_A_NAME:
            i = 3 if n > 2 and low[1] in times.deixis and low[2] in times.periods else int(capital_next)
    if i and i < n and low[i].isdigit():
        i += 1  # "In December 2004"
    return i


def _past_time_phrase(tokens: _Tokens, a: int, b: int) -> int:
    """Where a speaker's noun phrase a..b starts once a time phrase opening it is cut off
    (`_leading_date`); the rest must still be able to name a speaker."""
    if tokens.lower[a] not in _time_openers().openers:
        return a
    i = a + _leading_date(tokens.words[a:min(b, a + 4)],
                          a > 0 and tokens.lower[a - 1] in _time_openers().prepositions)
    lex = _lexicon()
    if i == a or i >= b or tokens.quoted[i] or not (
            tokens.cap[i] or tokens.lower[i] in lex.determiners or tokens.lower[i] in lex.source_nouns):
        return a
    return i


def _role_preposition(tokens: _Tokens, k: int) -> bool:
    """Is token k a preposition inside a speaker's noun phrase: "of", "for", "from" … ("a
    spokesman for the army"), or "to" after a role noun ("China's ambassador to Britain Liu
    Xiaming", "chief secretary to the Treasury")?"""
    t = tokens.lower[k]
    return t in _NP_PREPOSITIONS or (t == "to" and tokens.lower[k - 1] in _lexicon().source_nouns)


def _source_before_phrase(tokens: _Tokens, k: int, floor: int) -> int | None:
    """The source noun before a two-preposition phrase that ends at preposition k ("a
    journalist in the centre of Kunduz", "a senior official at the Ministry of Defence in
    London"), or None."""
    lex = _lexicon()
    for p in range(k - 1, max(floor, k - 7), -1):
        t = tokens.lower[p]
        if tokens.quoted[p] or not tokens.wordy[p] or t in lex.np_stop:
            return None
        if t in _NP_PREPOSITIONS and p < k - 1:
            return p - 1 if p - 1 >= floor and _np_extends_through(tokens, p - 1) else None
    return None


def _title_dot(tokens: _Tokens, k: int) -> bool:
    """Is token k the full stop of a title or an initial ("Mr.", "Sen.", "Elijah E. Cummings")?"""
    if tokens.words[k] != "." or k == 0:
        return False
    before = tokens.words[k - 1]
    return tokens.lower[k - 1] in _lexicon().titles or (len(before) == 1 and before.isupper()) \
        or _DOTTED_CAPITALS.fullmatch(before) is not None or tokens.lower[k - 1] in _NAME_PARTICLES


# Initials or an abbreviation written with full stops, whose last stop the tokenizer splits
# off: "U.S" + "." in "the U.S. Attorney's Office", "P.J" + "." in "Coach P.J. Fleck".
_DOTTED_CAPITALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")


# Words for part of a group before "of" ("one of their frontbenchers", "some of the residents").
_PART_OF_A_GROUP = frozenset({"one", "two", "three", "some", "many", "several", "most", "all", "both", "each",
                              "none", "few"})


def _np_extends_through(tokens: _Tokens, k: int) -> bool:
    """May a speaker's noun phrase run on through a preposition after token k?"""
    w = tokens.lower[k]
    if not tokens.wordy[k] or tokens.quoted[k]:
        return False
    if w in _lexicon().source_nouns:
        return True
    link = tokens.lower[k + 1]
    if link == "on" and w not in _lexicon().org_heads:
        # "War on Want", "Stoke on Trent"; not "Murray on Monday", "Papamichael on the BBC"
        return tokens.cap[k] and k + 2 < len(tokens.words) and tokens.cap[k + 2] and tokens.wordy[k + 2] \
            and tokens.lower[k + 2] not in _lexicon().time_words
    return tokens.cap[k] and (link == "of" or (link in _NAME_LINKS and w in _lexicon().org_heads
                                               and _capital_follows(tokens, k + 2)))


def _capital_follows(tokens: _Tokens, i: int) -> bool:
    """Is token i (or the one after a "the" there) a capitalised word: the rest of a name
    such as "National Institute on Drug Abuse" or "Council on the Environment"?"""
    if i < len(tokens.words) and tokens.lower[i] == "the":
        i += 1
    return i < len(tokens.words) and tokens.cap[i] and tokens.wordy[i] and not tokens.quoted[i]


def _np_forward(tokens: _Tokens, i: int, end: int) -> int:
    """End (exclusive) of a speaker's noun phrase starting at token i; i when there is none."""
    lex = _lexicon()
    k = i
    while k < end and k - i < 14:
        t = tokens.lower[k]
        if k > i and _title_dot(tokens, k):
            k += 1
            continue
        if tokens.quoted[k] or not tokens.wordy[k]:
            break
        if t in _NP_PREPOSITIONS or t == "and":
            if k > i and k + 1 < end and _np_extends_through(tokens, k - 1) and tokens.wordy[k + 1] \
                    and not _of_a_topic(tokens, k, end):
                k += 1
                continue
            break
        if k > i and (t in lex.determiners and tokens.lower[k - 1] not in _NP_PREPOSITIONS):
            break
        if (t in lex.np_stop and not _name_not_modal(tokens, k)) or (t in lex.cues and t not in _NOUN_LIKE_CUES) \
                or (t in _PHRASE_PREPOSITIONS and k > i and not (tokens.cap[k] and tokens.cap[k - 1])):
            break  # but "according to media reports": a cue that is a noun ends the phrase ("Chris Early" goes on)
        if k > i and t in lex.adverbs and not tokens.cap[k] and tokens.cap[k - 1]:
            break  # '"…," said Williams afterwards'
        if t in lex.pronouns:
            if k > i:
                break
            return k + 1  # "said she wanted justice": the pronoun is the whole noun phrase
        if ("'" in t or "’" in t) and _is_pronoun(t):
            return i  # "…, then says he’ll welcome advice": the clause's subject, never a speaker
        k += 1
    if k > i:
        for link in _SOURCE_LINKS:  # "according to people familiar with the matter"
            for at in (k - 1, k):
                if at + len(link) < end and tuple(tokens.lower[at:at + len(link)]) == link:
                    return max(k, _np_forward(tokens, at + len(link), end))
    return k


def _of_a_topic(tokens: _Tokens, k: int, end: int) -> bool:
    """Is the "of" at token k, after a name, the topic of what was said rather than the
    speaker's organisation ('said McLeish of Novo's punishment', 'said Estelle Morris of the
    findings', but 'said Rhian Beynon of the JCWI')?"""
    lex = _lexicon()
    if tokens.lower[k] != "of" or not tokens.cap[k - 1] or tokens.lower[k - 1] in lex.org_heads:
        return False  # "a panel of industry experts", "the Bank of Mexico's figures"
    # the organisation may come after a few lowercase words ("of box office tracker Exhibitor Relations")
    j = next((x for x in range(k + 1, min(end, k + 5)) if tokens.cap[x] or not tokens.wordy[x]), end)
    if j >= end or not tokens.cap[j]:
        return True
    return _possessive(tokens.words[j]) and j + 1 < end and not tokens.cap[j + 1]


def _looks_like_source(tokens: _Tokens, a: int, b: int, sentence_start: int) -> bool:
    """A name, a pronoun, or a noun phrase headed by a source noun ("officials", "statement")."""
    lex = _lexicon()
    words = range(a, b)
    if any(tokens.lower[k] in lex.pronouns for k in words) and b - a == 1:
        return True
    if any(tokens.lower[k] in lex.source_nouns for k in words):
        return True
    if tokens.lower[b - 1] in lex.org_nouns or tokens.lower[b - 1] in _subject_heads():
        return True  # "The club denied …", "the bank warned …", "the actor admitted …"
    return any(tokens.cap[k] and (k != sentence_start or tokens.lower[k] not in lex.determiners)
               for k in words if tokens.wordy[k])


def _apposition(tokens: _Tokens, i: int, end: int) -> tuple[str | None, int]:
    """An apposition or relative clause after a speaker: ", a provincial lawmaker in Kunduz,".
    Returns (role or None, index after it) or (None, i) when there is none."""
    lex = _lexicon()
    if i + 1 >= end or tokens.words[i] != "," or tokens.quoted[i + 1] or not tokens.wordy[i + 1]:
        return None, i
    first = tokens.lower[i + 1]
    if first not in lex.determiners and first not in _WH_WORDS and not _source_noun_soon(tokens, i + 1, end):
        return None, i
    k = i + 1
    while k < min(end, i + _WINDOW) and (tokens.quoted[k] or tokens.words[k] not in {",", ".", ";", ":"}):
        k += 1
    role = None if first in _WH_WORDS else tokens.span_text(i + 1, k)
    if k < end and tokens.words[k] == ",":
        return role, k + 1
    return role, k


def _source_noun_soon(tokens: _Tokens, i: int, end: int) -> bool:
    """A source noun among the few words from token i, before any punctuation: a role
    written without an article (", portfolio manager at Tocqueville", ", chief executive of BP")."""
    lex = _lexicon()
    for x in range(i, min(end, i + 4)):
        if tokens.quoted[x] or not tokens.wordy[x]:
            return False
        if tokens.lower[x] in lex.source_nouns:
            return True
    return False


def _negated(tokens: _Tokens, k: int, floor: int) -> bool:
    """"did not say", "declined to say", "was reported" are not attributions ("is denying"
    is: before a participle in -ing the auxiliary makes a progressive, not a passive)."""
    progressive = tokens.lower[k].endswith("ing")
    for j in range(k - 1, max(floor, k - 3) - 1, -1):
        w = tokens.lower[j]
        if w in {"not", "never", "to", "cannot"} or w.endswith(("n't", "n’t")):
            return True
        if w in _PASSIVE:
            return not progressive
        if w not in _lexicon().adverbs:
            return False
    return False


def _find_attributions(tokens: _Tokens, lo: int, hi: int) -> list[_Attribution]:
    lex = _lexicon()
    found: list[_Attribution] = []
    resume = lo
    is_cue_key = lex.cue_keys.__contains__
    for k in compress(range(lo, hi), map(is_cue_key, tokens.lower[lo:hi])):  # candidates found in C
        w = tokens.lower[k]
        if k < resume or tokens.quoted[k]:
            continue
        attribution = None
        if w == "according" and k + 1 < hi and tokens.lower[k + 1] == "to":
            attribution = _according_to(tokens, k, lo, hi)
        elif w == "read" and k > lo and tokens.lower[_skip_back(tokens, k - 1, lo)] in lex.statement_nouns:
            attribution = _cue(tokens, k, lo, hi, ("assert", "say"), found)
        elif k + 1 < hi and (w, tokens.lower[k + 1]) in _PHRASAL_CUES and not _negated(tokens, k, lo):
            attribution = _cue(tokens, k, lo, hi, ("assert", _PHRASAL_CUES[w, tokens.lower[k + 1]]), found)
        elif w in lex.cues and lex.cues[w][0] == "deny" and (aux := _passive_by(tokens, k, lo, hi)) is not None:
            attribution = _passive_denial(tokens, k, aux, hi, w)
        elif w in lex.cues and not _negated(tokens, k, lo):
            attribution = _cue(tokens, k, lo, hi, lex.cues[w], found)
        if attribution is not None:
            found.append(attribution)
            resume = attribution.span[1]
    return found


def _passive_by(tokens: _Tokens, k: int, lo: int, hi: int) -> int | None:
    """The first auxiliary of cue k when it is a passive with its agent, after a claim noun:
    "the claims were denied by", "reports that … have been rejected by" (not "access was
    denied by the server"); else None."""
    if not (k + 1 < hi and tokens.lower[k + 1] == "by"):
        return None
    lex = _lexicon()
    aux = k - 1
    while aux > lo and (tokens.lower[aux] in lex.adverbs or tokens.lower[aux].endswith("ly")):
        aux -= 1  # "were later rejected", "was flatly denied"
    if aux <= lo or tokens.lower[aux] not in _PASSIVE:
        return None
    subject = aux - 1
    while subject > lo and tokens.lower[subject] in _PASSIVE_AUXILIARIES:
        subject -= 1
    # the head noun, or one that a "that" clause follows ("Reports that the city had fallen")
    if tokens.lower[subject] in lex.claim_nouns or any(
            tokens.lower[i] in lex.claim_nouns and tokens.lower[i + 1] == "that" for i in range(lo, subject)):
        return subject + 1
    return None


def _passive_denial(tokens: _Tokens, k: int, aux: int, hi: int, word: str) -> _Attribution | None:
    """"The claims were denied by the government": the agent after "by" denies what the
    subject before the auxiliary names."""
    end = _np_forward(tokens, k + 2, hi)
    if end == k + 2:
        return None
    # what follows the agent ("…, which called them lies") is the agent's, not the claim's
    return _Attribution(k, k + 1, word, "deny", (k + 2, end), None, (aux, hi), end, "before")


# What "according to" sorts or measures by when no source follows it.
_SORTING_WORDS = frozenset({"whether", "how", "what", "which", "where", "when", "plan", "rules", "size", "age", "type"})


def _according_to(tokens: _Tokens, k: int, lo: int, hi: int) -> _Attribution | None:
    lex = _lexicon()
    if k + 2 < hi and tokens.lower[k + 2] in _SORTING_WORDS:
        return None  # "listed according to whether …", "go according to plan": a measure, no source
    end = _np_forward(tokens, k + 2, hi)
    if end == k + 2:
        return None
    opening = _opens_clause(tokens, lo, k)
    if opening:
        end = _source_runs_to_comma(tokens, end, hi)
        role, after = None, end
    else:
        end = _source_runs_to_comma(tokens, end, hi, or_sentence_end=True)
        role, after = _apposition(tokens, end, hi)
        if role is not None and (_reads_as_clause(tokens, end + 1, hi) or any(
                tokens.lower[x] in lex.cue_keys and not tokens.quoted[x] for x in range(end + 1, after))):
            # ", according to the budget office, the rise in … is", ", the Commerce
            # Department revealed …": no role, a clause goes on
            role, after = None, end
    content_from = after
    if opening and content_from < hi and tokens.words[content_from] == ",":
        content_from += 1
    # a parenthesis inside a clause ("At the heart of it, according to X, was …") ends at its
    # closing comma, where the content goes on
    span_end = after
    if after > end and tokens.words[after - 1] == "," and not _reads_as_clause(tokens, lo, k):
        span_end = after - 1
    return _Attribution(k, k + 2, "according to", "assert", (k + 2, end), role, (k, span_end),
                        content_from, "after" if opening else "before")


def _source_runs_to_comma(tokens: _Tokens, end: int, hi: int, or_sentence_end: bool = False) -> int:
    """Where the source after "according to" ends: its noun phrase goes on to the comma after
    it (or, `or_sentence_end`, to the end of the sentence) when what follows the head is a
    modifier, not a clause ("According to early results of exit polls conducted by Edison
    Research for the AP, voters …", "…, according to a new poll by the Harvard University
    Institute of Politics."; not "According to Ofcom there were …")."""
    lex = _lexicon()
    if end >= hi or not tokens.wordy[end] or tokens.quoted[end] or tokens.cap[end] or (
            tokens.lower[end] in lex.determiners and not _capital_follows(tokens, end)):
        return end  # "According to Ofcom there were …", "According to firm Technorati the number …"
    for x in range(end, min(hi, end + 20)):
        w = tokens.lower[x]
        if tokens.quoted[x] or w in _FINITE or w in lex.pronouns or w in {"there", "that", ";", ":"}:
            return end
        if tokens.words[x] == ",":
            return x
        if or_sentence_end and (x + 1 == hi and tokens.words[x] in {".", "!", "?"}):
            return _before_time_phrase(tokens, end, x)
    return _before_time_phrase(tokens, end, hi) if or_sentence_end and hi - end <= 20 else end


def _before_time_phrase(tokens: _Tokens, a: int, b: int) -> int:
    """b, or where a closing time phrase starts ("… by the Electoral Commission on Wednesday")."""
    if b - 2 > a and tokens.lower[b - 2] in _PHRASE_PREPOSITIONS and tokens.lower[b - 1] in _lexicon().time_words:
        return b - 2
    return b


# Cues of two words, with their frame: "called for" a measure and "called on" someone to act
# report a demand; "pointed out" reports a clause.
# Relative pronouns before a speaker whose cue then has the antecedent as its object ("the
# vehicle, which Bezos announced"), not a reported claim.
_RELATIVES = frozenset({"which", "that", "whom"})
# Object pronouns after "deny" that make it withholding ("deny them permits"); "her" may be a
# possessive ("denied her husband was involved") and "it" a subject ("denied it had happened").
_WITHHELD_FROM = frozenset({"him", "them", "us", "me"})
_TOLD_THINGS = frozenset({"story", "stories", "tale", "tales", "truth", "lie", "lies", "joke", "jokes"})
_PHRASAL_CUES = {**{(call, particle): "demand" for call in ("called", "calling", "calls") for particle in ("for", "on")},
                 ("pointed", "out"): "weak"}
_CLAUSE_BREAKS = frozenset({":", ";", "—", "–"})
# Words that may open a clause before its attribution; "as" opens a parenthetical one ("As
# Lord Woolf acknowledged, it is unlikely …": the content follows).
_CONJUNCTIONS = frozenset({"and", "but", "so", "yet", "or", "then", "still", "however", "meanwhile", "as"})


def _opens_clause(tokens: _Tokens, lo: int, k: int) -> bool:
    """Does token k open its clause: nothing before it but conjunctions and marks, back to
    the sentence start or a colon, semicolon or dash ("And, according to …", "…: According
    to …")?"""
    for j in range(k - 1, max(lo, k - _WINDOW) - 1, -1):
        if tokens.words[j] in _CLAUSE_BREAKS and not tokens.quoted[j]:
            return True
        if tokens.quoted[j] or (tokens.wordy[j] and tokens.lower[j] not in _CONJUNCTIONS):
            return False
    return k - lo <= _WINDOW


def _quoted_as_saying(tokens: _Tokens, k: int, lo: int) -> tuple[int, int, int] | None:
    """"quoted Dostum as saying": (cue start, speaker start, speaker end)."""
    if k - 2 < lo or tokens.lower[k - 1] != "as":
        return None
    for j in range(k - 2, max(lo, k - 8) - 1, -1):
        if tokens.lower[j] == "quoted":
            if k - 1 > j + 1:
                return j, j + 1, k - 1
            # the passive, "Yuri Trutnev was quoted as saying": the subject said it
            aux = _skip_back(tokens, j - 1, lo)
            if aux < lo or tokens.lower[aux] not in _PASSIVE:
                return None
            a = _np_backward(tokens, aux - 1, lo) if aux - 1 >= lo else None
            return (j, a, aux) if a is not None else None
    return None


def _cue(tokens: _Tokens, k: int, lo: int, hi: int, info: tuple[str, str],
         earlier: list[_Attribution]) -> _Attribution | None:
    """The attribution around cue word k of the sentence lo..hi, or None when the word is
    not a reporting cue here."""
    lex = _lexicon()
    polarity, frame = info
    if k > lo and ((tokens.lower[k - 1] in lex.determiners and tokens.lower[k - 1] != "both"
                    and not (tokens.lower[k - 1] in _QUANTIFIER_PRONOUNS and tokens.lower[k] not in _NOUN_LIKE_CUES))
                   or _possessive(tokens.words[k - 1])
                   or (tokens.lower[k - 1] == "all" and (tokens.lower[k] in _NOUN_LIKE_CUES or (
                        k - 2 >= lo and tokens.lower[k - 2] in _OBJECT_PREPOSITIONS)))):
        # a noun: "Lazar's claims", "the reports", "all claims", or an adjective: "of all reported
        # contributions" (but "They both said", "Many said", "They all said")
        return None
    if tokens.cap[k] and k > lo and tokens.lower[k] in _NOUN_LIKE_CUES:
        return None  # a title-case headline: "… Appear to Defy His BBC Interview Claims"
    if tokens.lower[k] == "say" and k - 2 >= lo and tokens.lower[k - 2] in lex.determiners \
            and not tokens.cap[k - 1] and tokens.lower[k - 1] not in lex.source_nouns \
            and not tokens.lower[k - 1].endswith("s"):
        return None  # "the final say": a verb "say" has a plural subject
    if k > lo and tokens.lower[k - 1] == "worth":
        return None  # "It's worth noting that …": the writer's aside
    if frame == "add" and k + 1 < hi and tokens.lower[k + 1] == "to":
        return None  # "…, adding to a growing list of awards", "the news added to concerns"
    cue_start, cue_end = k, k + 1
    if k + 1 < hi and (tokens.lower[k], tokens.lower[k + 1]) in _PHRASAL_CUES:
        cue_end = k + 2
        if frame == "demand" and tokens.lower[k + 1] == "on" and _draws_on_its_own(tokens, k + 2, hi):
            return None  # "Microsoft is calling on its Encarta encyclopaedia to provide answers"
    cue_text = tokens.span_text(k, cue_end)
    speaker: tuple[int, int] | None = None
    role = None
    inverted = inherits = relative = False
    span_start = k

    quoted_as = _quoted_as_saying(tokens, k, lo) if tokens.lower[k] == "saying" else None
    if quoted_as:
        cue_start, a, b = quoted_as
        speaker, span_start = (a, b), min(cue_start, a)
        cue_text = "quoted … as saying"
    else:
        j = _skip_back(tokens, k - 1, lo)
        participle = tokens.lower[k].endswith("ing")
        if participle and j >= lo and tokens.lower[j] in _PASSIVE:
            j = _skip_auxiliaries(tokens, j, lo)  # "The government is denying", "has been saying"
        if j < lo:
            inverted = True
        elif (tokens.lower[j] in _LINKS and (participle or (tokens.lower[j] != ","
                                                            and _closes_dash_aside(tokens, j, lo) is None))) \
                or (participle and tokens.lower[j] in lex.np_stop):
            # "…, saying …", "… but added: …": the speaker of the clause before; a participle
            # after a dash aside too ("Unions criticised the move - which may affect staff - saying")
            inherits = True
            span_start = j if tokens.lower[j] in _LINKS else j + 1
        elif tokens.lower[j] == "who" and j - 2 >= lo and tokens.words[j - 1] == "," \
                and (antecedent := _relative_antecedent(tokens, j - 2, lo)) is not None:
            # a relative clause after the speaker: "… the minister, who said talks would go on",
            # and after a name's apposition "McConnell, the Senate majority leader, who said"
            speaker, span_start, relative = (antecedent, j - 1), antecedent, True
            name = _name_before_apposition(tokens, antecedent, lo)
            if name is not None:
                speaker, role, span_start = name, tokens.span_text(antecedent, j - 1), name[0]
        elif (restrictive := _restrictive_relative(tokens, j, lo)) is not None:
            # "sued by a viewer who says he was disgusted", "the SEC which said it had erred"
            speaker, span_start, relative = restrictive, restrictive[0], True
        elif tokens.words[j] in {",", "—", "–", "-"} or (tokens.quoted[j] and not tokens.wordy[j]):
            speaker, role, span_start = _speaker_before_comma(tokens, j, lo, k, hi, frame)
            inverted = speaker is None
        else:
            a = _np_backward(tokens, j, lo)
            if a is None or (tokens.lower[j].endswith("ing") and not tokens.cap[j]
                             and not (j > a and tokens.lower[j - 1] in lex.determiners)):
                return None  # "behavior indicating said violation": a verb, not "the planning"
            if a == j and _bare_verb_before(tokens, j):
                return None  # "only to find said civilisation": "said" before a noun
            speaker = _anonymous_source(tokens, a, j + 1, lo, tokens.lower[k] not in _NOUN_LIKE_CUES) \
                or (a, j + 1)
            span_start = speaker[0]
            if participle and any(not tokens.cap[x] and _relative_verb(tokens.lower[x]) for x in range(a, j + 1)):
                # the phrase before holds a verb: the participle goes with the sentence's subject
                # ("Wales captain Jonathan Davies returned home calling for urgent change")
                speaker, inherits, span_start = None, True, k
            elif frame == "say" and _named_after_cue(tokens, cue_end, hi) and not _looks_like_source(tokens, *speaker, lo):
                # "… remains a political issue said MP Richard Allan, …": the comma left out
                speaker, inverted, span_start = None, True, k

    if speaker is not None and tokens.lower[k] in _NOUN_LIKE_CUES and not _heads_a_source(tokens, speaker[1] - 1) \
            and not (tokens.lower[k] == "warning" and tokens.lower[speaker[1] - 1].endswith("s")) \
            and "according" not in tokens.lower[max(lo, k - 6):k]:  # "according to media reports"
        return None  # "China's sweeping territorial claims in the South China Sea", "amid claims": a noun
    after = cue_end
    if inverted:
        if frame not in {"say", "add", "weak"} or (j < lo and tokens.lower[k].endswith("ing")):
            return None  # (a participle opening the sentence is an adverbial: "Asking firms to …")
        end = _np_forward(tokens, cue_end, hi)
        if end == cue_end or not _np_may_end(tokens, end, hi) or all(
                tokens.lower[x] in lex.determiners for x in range(cue_end, end)):
            return None
        if j < lo and not _looks_like_source(tokens, cue_end, end, lo):
            return None  # "Added together, it has become …": a sentence opener, no speaker
        speaker = (cue_end, end)
        role, after = _apposition(tokens, end, hi)
    if inherits:
        if earlier:
            speaker = None if earlier[-1].inherits or earlier[-1].speaker is None else earlier[-1].speaker
            if speaker is None and not earlier[-1].inherits:
                return None
        else:
            speaker = _sentence_subject(tokens, lo, span_start)
            if speaker is None:
                return None
            inherits = False

    # what follows the cue: an addressee, a time or channel phrase, "that", a colon
    content_from = after
    if frame == "tell" and not inverted:
        told_thing = cue_end + (cue_end < hi and tokens.lower[cue_end] in lex.determiners)
        if told_thing < hi and tokens.lower[told_thing] in _TOLD_THINGS:
            return None  # "tells the story of", "told the truth", "told lies": no claim
        if tokens.lower[k] == "told" and content_from + 1 < hi and tokens.lower[content_from] == "to" \
                and tokens.wordy[content_from + 1] and not tokens.cap[content_from + 1] \
                and tokens.lower[content_from + 1] not in lex.determiners:
            return None  # "Blair told to double overseas aid": a passive order, Blair is the one told
        content_from = _skip_addressee(tokens, content_from, hi)
        if content_from > cue_end and tokens.lower[content_from - 1] in _outlet_nouns():
            content_from = _past_quoted_title(tokens, content_from, hi)  # 'the program "Inside Edition"'
        if content_from > cue_end and not quoted_as:
            cue_text = tokens.span_text(cue_start, content_from)
    if speaker is not None and not inherits and tokens.lower[speaker[0]] in _WHAT_WORDS:
        return None  # "Everything Trump says is a lie"
    if speaker is not None and not inherits and not inverted and (content_from >= hi or not tokens.wordy[content_from]) \
            and _compared_with(tokens, speaker[0], lo):
        return None  # "more complicated than McKinley suggests.": a measure, no claim
    if speaker is not None and not inherits and speaker[0] > lo and tokens.lower[speaker[0] - 1] in _WHAT_WORDS:
        if not (tokens.lower[speaker[0] - 1] == "what" and content_from + 1 < hi
                and tokens.lower[content_from] in _COPULAS and tokens.lower[content_from + 1] == "that"):
            # "what Trump says his plan would do", "anything the minister said", "That was what
            # Liz Wahl said when she resigned": the words are the noun phrase's, no clause follows
            return None
        content_from += 1  # a pseudo-cleft, "What he said was that …": the content follows the copula
        span_start = speaker[0] - 1
    if content_from + 1 < hi and (tokens.lower[content_from] in _AMOUNT_OF_MEANING
                                  or tokens.lower[content_from:content_from + 2] == ("a", "lot")) and (
            "about" in tokens.lower[content_from + 1:content_from + 3]):
        return None  # "his view of the world says something about …", "says a lot about" (not "a report about")
    if content_from < hi and tokens.lower[content_from] in _SAID_NOTHING and not (
            content_from + 1 < hi and _relative_verb(tokens.lower[content_from + 1])):
        return None  # "officials said nothing", "Lazar said little, offering …" (not "said nothing had changed")
    if polarity == "deny" and content_from < hi and _withholds(tokens, content_from, hi):
        return None  # "deny them mining permits", "denied Gerrard with a late tackle": no denial
    content_from = _skip_to_that(tokens, content_from, hi, frame in {"tell", "weak"} and not inverted)
    said_that = content_from > after and tokens.lower[content_from - 1] == "that"
    after_quote = _after_quote(tokens, span_start, lo)
    colon = content_from < hi and tokens.words[content_from] == ":"
    if not colon and content_from + 1 < hi and tokens.words[content_from] == "," \
            and tokens.quoted[content_from + 1] and not inverted and not after_quote:
        colon = True  # 'Beck said, "Ted and I …"'
    if colon:
        content_from += 1
    rest_empty = content_from >= hi or tokens.words[content_from] in {",", ".", ";", "!", "?", "—", "–", ")"}
    opens_quote = content_from < hi and tokens.quoted[content_from]

    # the frame decides whether the word is a cue here at all
    introduces = colon or opens_quote or said_that or inverted or rest_empty or after_quote
    # (a participle whose subject follows "with" reports words: "…, with many saying it was unjustified")
    absolute = tokens.lower[k].endswith("ing") and speaker is not None and speaker[0] > lo \
        and "with" in tokens.lower[max(lo, speaker[0] - 3):speaker[0]] \
        and (said_that or _reads_as_clause(tokens, content_from, hi))
    ambiguous = frame in {"weak", "object", "demand"} or (tokens.lower[k].endswith("ing") and not inherits
                                                         and not absolute) \
        or (frame == "add" and tokens.lower[k] in _CONTINUE_CUES and not (colon or opens_quote or said_that))
    if ambiguous and speaker is not None and not _looks_like_source(tokens, *speaker, lo):
        return None  # "provide telling insight", "confirmed the deal", "takes continued effort"
    if frame == "add" and not (introduces or (_reads_as_clause(tokens, content_from, hi)
                                              and not _prepositional_object(tokens, content_from, hi, tokens.lower[k]))):
        return None  # ("London Irish replied with three penalties before X ran in a try")
    if frame == "add" and not introduces and _amount_follows(tokens, content_from, hi):
        return None  # "shares added 6.4%", "They added an extra 6.4% to $27.24": a market move
    if frame == "quote" and (not (_quotation_follows(tokens, content_from, hi)
                                  or _object_and_complement(tokens, content_from, hi, tokens.lower[k]))
                             or _names_a_title(tokens, content_from, hi)):
        return None
    if frame == "weak" and not (introduces or (_reads_as_clause(tokens, content_from, hi)
                                               and not _prepositional_object(tokens, content_from, hi, tokens.lower[k]))
                                or (polarity == "deny" and content_from < hi)):
        return None
    if frame == "object":
        nxt = content_from
        while nxt < hi and tokens.lower[nxt] in lex.determiners:
            nxt += 1
        if not said_that and not (nxt < hi and tokens.lower[nxt] in lex.claim_nouns):
            return None

    # which side holds the content
    has_before = span_start > max(lo, tokens.first_content) and not _opens_clause(tokens, lo, span_start)
    if inverted:
        side = "before"  # '"…," said X, whose book …': whatever follows the speaker is not content
    elif inherits or colon or opens_quote or said_that:
        side = "after"
    elif rest_empty or (after_quote and not _reads_as_clause(tokens, content_from, hi)):
        side = "before"  # '"…," X said of the committee', "…, officials said"
    elif (has_before and (_phrase_after_cue(tokens, content_from) or (
            _phrase_after_cue(tokens, after) and not _reads_as_clause(tokens, content_from, hi)))
          and (tokens.words[span_start - 1] == "," or after_quote)):
        side = "before"  # '"…," Rep. Moore said on Friday', "…, she said in a video message to …"
    elif not has_before and frame in {"say", "add"} and _occasion_after_cue(tokens, content_from) \
            and not _reads_as_clause(tokens, content_from, hi):
        side = "previous"  # '"Who do they think they are?" Trump said of Apple in February'
    else:
        side = "after"
    if side == "before" and not has_before:
        if content_from + 1 < hi and tokens.words[content_from] == "," and tokens.wordy[content_from + 1]:
            content_from += 1  # "Rubio says, win or lose …, he's staying"
            side = "after"
        elif rest_empty and not inverted:
            side = "previous"  # '"…?" Rubio said.': the quotation is the sentence before
        elif rest_empty:
            return None
        else:
            side = "after"
    if side == "before" and speaker is not None and speaker[0] > lo and tokens.lower[speaker[0] - 1] in _RELATIVES \
            and not tokens.cap[speaker[0] - 1] and not (speaker[0] - 2 >= lo and tokens.lower[speaker[0] - 2] in lex.claim_nouns):
        # "the vehicle, which Jeff Bezos announced earlier this year": a thing, no claim (but
        # "a claim that the army denied" reports one)
        return None
    span_end = content_from if side == "after" else _trailing_phrase_end(tokens, after, hi)
    return _Attribution(cue_start, cue_end, cue_text, polarity, speaker, role,
                        (span_start, span_end), content_from, side, inherits, relative and side == "after",
                        frame == "quote")


_OWNERS = frozenset({"its", "his", "her", "their", "our", "my", "your"})


def _draws_on_its_own(tokens: _Tokens, i: int, hi: int) -> bool:
    """Is the object of "calling on" at i something the subject owns that is no person or
    body ("calling on its Encarta encyclopaedia to provide answers", "called on his
    experience"), so that the subject draws on it rather than demands of someone ("called on
    its members to strike"; a plural head is taken for people, "its followers")?"""
    if i >= hi or tokens.lower[i] not in _OWNERS:
        return False
    end = next((j for j in range(i + 1, min(hi, i + 6))
                if not tokens.wordy[j] or tokens.lower[j] in ("to", "as") or tokens.lower[j] in _NP_PREPOSITIONS), None)
    if end is None:
        end = min(hi, i + 6)
    head = tokens.lower[end - 1]
    return end > i + 1 and head not in _subject_heads() and not head.endswith("s")  # ("its followers")


def _compared_with(tokens: _Tokens, a: int, lo: int) -> bool:
    """Does the speaker starting at token a follow the "than" or second "as" of a comparison
    ("more complicated than McKinley suggests", "ten times as many cases as they had
    reported")?  With nothing reported after its cue, the cue measures something rather than
    reports words ("less credit than aides say he deserves" does report).  The "as" of "…,
    as Politico reported," opens a parenthetical instead."""
    if a <= lo:
        return False
    before = tokens.lower[a - 1]
    if before == "than":
        return True
    if before != "as":
        return False
    for j in range(a - 2, max(lo, a - 6) - 1, -1):
        if not tokens.wordy[j]:
            return False
        if tokens.lower[j] == "as":
            return True
    return False


_OBJECT_OF_CUE = frozenset({"about", "against", "for", "of", "with"})


def _prepositional_object(tokens: _Tokens, i: int, hi: int, cue: str) -> bool:
    """Does what follows the weak cue word `cue` at token i start with a preposition's object
    or an infinitive rather than a clause ("wrote about how …", "argued against the bid",
    "people alleged to have traded songs", "insisted on delaying surgery", "insisting on
    their unity")?  A channel or an addressee ("announced on her blog she …", "admitted to
    jurors he …") does not count, nor a claim about oneself ("claimed to have been hurt")."""
    w = tokens.lower[i]
    nxt = tokens.lower[i + 1] if i + 1 < hi else ""
    return w in _OBJECT_OF_CUE or (w == "to" and nxt in {"have", "be"} and not cue.startswith("claim")) \
        or (w == "on" and (nxt.endswith("ing") or cue.startswith("insist")))


# Conjunctions of a clause that sets the scene of what was said ("…, the shadow chancellor
# said as the party conference began"): no content after the cue.
_OCCASION_CONJUNCTIONS = frozenset({"as", "while", "when", "amid", "ahead"})
_SUBJECT_OPENERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "this", "these", "those"})


def _phrase_after_cue(tokens: _Tokens, i: int) -> bool:
    """Does a time or channel phrase, the topic ("of Apple") or the occasion ("as the
    conference began") follow the cue at token i?"""
    w = tokens.lower[i]
    if w in _OCCASION_CONJUNCTIONS:
        # "as" opens a clause only before its subject ("as the conference began", "as he
        # left"), not "said as many as 3,000 firms"
        return w != "as" or i + 1 < len(tokens.words) and (
            tokens.cap[i + 1] or tokens.lower[i + 1] in _SUBJECT_OPENERS or tokens.lower[i + 1] in _lexicon().pronouns)
    return w in _PHRASE_PREPOSITIONS or w in _lexicon().time_words or w in {"of", "by"}  # "was quoted as saying by Interfax"


# Prepositions of the topic, time, place or channel of what was said, which after a cue at a
# sentence start leave the content to the quotation before ('"…?" Trump said of Apple').
_OCCASION_PREPOSITIONS = frozenset({"of", "in", "on", "at", "during", "via"})


def _occasion_after_cue(tokens: _Tokens, i: int) -> bool:
    return i < len(tokens.words) and (tokens.lower[i] in _OCCASION_PREPOSITIONS or tokens.lower[i] in _lexicon().time_words)


def _withholds(tokens: _Tokens, i: int, hi: int) -> bool:
    """Does "deny" with its object at token i mean keeping something from someone, or
    stopping someone, rather than rejecting a claim: a passive ("Chelsea denied by James
    heroics"), a pronoun or a thing withheld ("denied them access", "was denied bail"), a
    person named and then no clause ("denied Duff, Jarosik and Kezman", "denied Elvis his
    fourth number one", but "denied Mr Brown had lied", "denied Bellamy's claim"), or a
    person described and then a second object ("denied the visiting striker a winner")?"""
    lex = _lexicon()
    if tokens.lower[i] in _WITHHELD_FROM or tokens.lower[i] == "by":
        return True
    j = i
    while j < hi and tokens.lower[j] in lex.determiners:
        j += 1
    withheld = _withheld_nouns()
    if any(tokens.lower[x] in withheld for x in range(j, min(hi, j + 3)) if not tokens.cap[x]):
        return True  # "denied bail", "denied a late penalty", "denying a certain try"

    def ends_object(x: int) -> bool:
        return x >= hi or not tokens.wordy[x] or tokens.lower[x] in _OBJECT_PREPOSITIONS \
            or tokens.lower[x] in lex.determiners

    if j == i and tokens.cap[i] and not tokens.quoted[i]:
        end = i
        while end < hi and tokens.cap[end] and tokens.wordy[end] and not tokens.quoted[end]:
            end += 1
        if _possessive(tokens.words[end - 1]) or not ends_object(end):
            return False
        # "denied Mr Yeo, his transport spokesman, said …": an apposition, then the clause's verb
        return not (end < hi and tokens.words[end] == "," and any(
            tokens.words[x] == "," and (tokens.lower[x + 1] in _FINITE or tokens.lower[x + 1] in lex.cues)
            for x in range(end + 1, min(hi - 1, end + _WINDOW))))
    persons = _person_words()
    return j > i and any(tokens.lower[x] in persons and ends_object(x + 1) for x in range(j, min(hi, j + 3)))


@cache
def _withheld_nouns() -> frozenset[str]:
    return data_set("claims_withheld_nouns.txt")


def _heads_a_source(tokens: _Tokens, j: int) -> bool:
    """Can token j end a speaker's noun phrase before a cue that is also a noun ("The
    government claims", "NIESR (National Institute ...) claims", "He claims"), rather than
    modify the noun ("territorial claims", "amid claims")?"""
    lex = _lexicon()
    if tokens.words[j] == ")":
        return True
    low = tokens.lower[j]
    return tokens.cap[j] or low in lex.pronouns or low in lex.source_nouns or low in lex.org_nouns \
        or low.removesuffix("s") in lex.org_nouns


def _named_after_cue(tokens: _Tokens, i: int, hi: int) -> bool:
    """Does a capitalised name (titles included) follow the cue up to a comma or the
    sentence end ("said MP Richard Allan, …"), or a one-word name end the sentence?  A run longer than any name is none, and
    stopping there keeps a sentence of thousands of capitalised words and cues linear."""
    end, limit = i, min(hi, i + _NAME_RUN_LIMIT)
    while end < limit and tokens.cap[end] and not tokens.quoted[end]:
        end += 1
    if end - i == 1:  # one name ending the sentence: "Dance music not dead says Fatboy", "…, too says BT."
        return (end >= hi or (tokens.words[end] in {".", "!", "?"} and end + 1 == hi)) \
            and tokens.lower[i] not in _lexicon().time_words  # (not "said Mr. Hannity had …")
    return end - i >= 2 and (end >= hi or tokens.words[end] in {",", ".", ";"})


_NAME_RUN_LIMIT = 12  # words of "Deputy Prime Minister Sir John Prescott" and the like


def _amount_follows(tokens: _Tokens, i: int, hi: int) -> bool:
    """Does a price or percentage open what follows "added" ("6.4%", "an extra 6.4%", "a
    further $2", "12 points")?  A bare count may open a reported clause ("added 5 people had
    died")."""
    k = i
    while k < hi and k - i < 3 and tokens.lower[k] in _AMOUNT_LEADS:
        k += 1
    if k >= hi:
        return False
    if tokens.words[k][:1] in "$£€":
        return True
    return tokens.words[k][:1].isdigit() and k + 1 < hi and tokens.lower[k + 1] in _MARKET_UNITS


_AMOUNT_LEADS = frozenset({"a", "an", "another", "extra", "further", "nearly", "almost", "about"})
_MARKET_UNITS = frozenset({"%", "percent", "per", "points", "point", "p", "cents", "pence"})


def _quotation_follows(tokens: _Tokens, i: int, hi: int) -> bool:
    """A quotation opens within the window after `i`, before any other cue: a verb that
    reports words only through a quotation ('called the plan "a disgrace"') has none when the
    next one belongs to another speaker ('a hydrocarbon called acetylene and water, Malaska
    asked, "Could it …"')."""
    cues = _lexicon().cues
    for j in range(i, min(hi, i + _WINDOW)):
        if tokens.quoted[j]:
            return True
        if tokens.lower[j] in cues:
            return False
    return False


# What follows "a" in "called the police a few minutes later": no complement.
_NO_COMPLEMENT_AFTER_A = frozenset({"few", "couple", "number", "lot", "little", "bit", "total", "dozen", "day", "week",
                                    "month", "year", "minute", "hour", "second", "while", "time", "meeting"})
_OBJECT_PRONOUNS = frozenset({"him", "her", "it", "them", "this", "that", "me", "us", "you"})
_PARTICLES = frozenset({"for", "on", "off", "in", "up", "out", "back", "into", "to", "at", "by", "upon", "over",
                        "round", "around", "down", "away", "from", "with", "about", "after"})


def _object_and_complement(tokens: _Tokens, i: int, hi: int, verb: str) -> bool:
    """An object and what the speaker called it, with no quotation: "called climate change a
    hoax", "called him a master at …", "described the plan as a disgrace".  The object is
    short, with no verb, comma or quotation in it, and opens with no particle ("called for",
    "called off"); "called the police a few minutes later" has no complement."""
    if i >= hi or not tokens.wordy[i]:
        return False
    first = tokens.lower[i]
    lex = _lexicon()
    if first in _PARTICLES or first in ("a", "an"):
        return False  # "called for", "called off", "called a meeting"
    marker = ("as",) if verb.startswith("describ") else ("a", "an", "as") if verb.startswith("brand") else ("a", "an")
    for j in range(i + 1, min(hi, i + 16)):
        w = tokens.lower[j]
        if not tokens.wordy[j] or tokens.quoted[j] or w in _FINITE or w in lex.cues or _relative_verb(w):
            return False  # ("an ex-pat called Thomas Eyton decided to gather a team": a verb)
        if w in marker:
            return j + 1 < hi and tokens.wordy[j + 1] and tokens.lower[j + 1] not in _NO_COMPLEMENT_AFTER_A \
                and not tokens.words[j + 1][0].isdigit()
        if first in _OBJECT_PRONOUNS and first != "her":
            return False  # a pronoun object is one word: "called him a liar" ("her" may own one: "her vote")
    return False


def _names_a_title(tokens: _Tokens, i: int, hi: int) -> bool:
    """'a set called the "Master Builder Series"': the quotation follows the verb with no
    object in between, so the verb names something rather than reports words."""
    while i < hi and tokens.lower[i] in _lexicon().determiners:
        i += 1
    return i < hi and tokens.quoted[i]


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s", "s'", "s’"))


# Adverbs that may follow a speaker named after the cue ('"…," said Williams afterwards').
_TRAILING_ADVERBS = frozenset({"afterwards", "afterward", "later", "earlier", "again", "publicly", "privately",
                               "separately", "recently"})


def _np_may_end(tokens: _Tokens, i: int, hi: int) -> bool:
    """Can a speaker named after its cue end before token i ('"…," said X.', "said X in a
    statement", "said X, who …", "said X of the findings")?"""
    if i >= hi or not tokens.wordy[i]:
        return True
    w = tokens.lower[i]
    return w in _PHRASE_PREPOSITIONS or w in _WH_WORDS or w in _lexicon().time_words or w in _TRAILING_ADVERBS \
        or (i > 0 and _of_a_topic(tokens, i, hi))


def _sentence_subject(tokens: _Tokens, lo: int, limit: int) -> tuple[int, int] | None:
    """The subject of a sentence, for a participle cue with no earlier speaker
    ("Sanders hit back, saying …", "But a few days later, Trump reversed himself, telling
    CBS …"): a pronoun, a run of capitalised words, or a determiner and up to three nouns,
    at the sentence start or after an opening phrase set off by a comma."""
    starts = [lo] + [i + 1 for i in range(lo, limit) if tokens.words[i] == "," and not tokens.quoted[i]]
    for i in reversed(starts):
        subject = _subject_at(tokens, i, limit)
        if subject is not None and subject[1] < limit and (tokens.wordy[subject[1]] or tokens.words[subject[1]] == ",") \
                and not _aside_after_a_name(tokens, lo, i, subject[1]):
            return subject
    return None


def _aside_after_a_name(tokens: _Tokens, lo: int, i: int, end: int) -> bool:
    """Is the phrase i..end set off by commas right after a capitalised word an aside about
    that name ("Rep. Dan Miller, R-Ohio, visited", "near Laredo, Texas, and argued") rather than
    the subject?  A time phrase opening the sentence names no one ("In October, Rep. …")."""
    return end < len(tokens.words) and tokens.words[end] == "," and i - 2 >= lo and tokens.words[i - 1] == "," \
        and tokens.cap[i - 2] and tokens.lower[i - 2] not in _SENTENCE_OPENERS \
        and not _only_a_time_phrase(tokens.span_text(lo, i))


def _subject_at(tokens: _Tokens, i: int, limit: int) -> tuple[int, int] | None:
    lex = _lexicon()
    while i < limit and tokens.lower[i] in {"and", "but", "so", "yet"}:
        i += 1
    if i < limit:
        i = _past_time_phrase(tokens, i, limit)
    if i >= limit or tokens.quoted[i] or not tokens.wordy[i] or tokens.lower[i] in lex.np_stop:
        return None
    if tokens.lower[i] in lex.pronouns:
        return (i, i + 1)
    end = i
    if tokens.lower[i] in lex.determiners:
        end = i + 1
        while end < limit and end - i <= 5 and tokens.wordy[end] and not tokens.quoted[end] \
                and tokens.lower[end] not in lex.np_stop and not tokens.lower[end].endswith("ed") \
                and tokens.lower[end] not in lex.adverbs and not _verb_after_name(tokens, end):
            end += 1
        if end == i + 1:
            return None
        named = _appositive_name(tokens, end, limit)
        return named or (i, end)
    while end < limit and not tokens.quoted[end] and (tokens.cap[end] or _title_dot(tokens, end)):
        end += 1
    if end == i or tokens.words[i].isupper() and len(tokens.words[i]) > 3:
        return None  # nothing, or a dateline ("WASHINGTON")
    # a role word between a name and a name: "Wild coach Bruce Boudreau", "BP chief executive Bob Dudley"
    role = end
    while role < min(limit, end + 3) and tokens.lower[role] in lex.source_nouns and not tokens.quoted[role]:
        role += 1
    if role > end and role < limit and tokens.cap[role] and not tokens.quoted[role]:
        end = role
        while end < limit and not tokens.quoted[end] and (tokens.cap[end] or _title_dot(tokens, end)):
            end += 1
        return (i, end)
    # the head noun right after a modifier ("Animal charities", "Dutch firm"), or within three
    # words after an owner ("Russia's president", "Labour's deputy minister"); not the object
    # of a verb ("Ms Jamieson praised the police")
    heads = _subject_heads()
    reach = 3 if _possessive(tokens.words[end - 1]) else 1
    head = next((x for x in range(min(limit, end + reach) - 1, end - 1, -1) if tokens.lower[x] in heads), None)
    if head is not None and all(tokens.wordy[x] and not tokens.cap[x] and not tokens.quoted[x]
                                and tokens.lower[x] not in lex.np_stop for x in range(end, head + 1)):
        end = head + 1
    return (i, end)


@cache
def _subject_heads() -> frozenset[str]:
    """Nouns that head a subject noun phrase after a name or a possessive: the source,
    organisation and person nouns, with their plurals ("charities", "lawyers")."""
    lex = _lexicon()
    return lex.source_nouns | _with_plurals(lex.org_nouns | data_set("entities_person_cues.txt", lower=True))


# How unnamed sources are introduced before what says who they are: "people familiar with
# the matter", "sources close to the minister", "a person with (direct) knowledge of the talks".
_SOURCE_LINKS = (("familiar", "with"), ("close", "to"), ("with", "knowledge", "of"),
                 ("with", "direct", "knowledge", "of"))
# Heads of such phrases besides the source nouns ("those close to him", "someone familiar with").
_SOURCE_PRONOUNS = frozenset({"those", "someone", "somebody", "one", "many", "some", "others"})
_RELATIVE_REACH = 10  # words of a restrictive relative clause between a source and its cue


def _anonymous_source(tokens: _Tokens, a: int, b: int, lo: int, verb_cue: bool) -> tuple[int, int] | None:
    """The whole speaker when the noun phrase a..b before a cue only ends a longer one: the
    object of "people familiar with the matter", or, before a cue that can only be a verb,
    the last words of a restrictive relative clause ("a senior official who asked not to be
    named said", "those who attended said"; not "people who have refugee claims")."""
    for w in range(b - 1, max(lo, b - _RELATIVE_REACH) - 1, -1) if verb_cue else ():
        if tokens.quoted[w] or not tokens.wordy[w]:
            break
        if tokens.lower[w] in ("who", "that") and w > lo:
            head = _source_head(tokens, w - 1, lo)
            if head is not None:
                return head, w
            break
    start = _source_head(tokens, a - 1, lo, linked=True) if a > lo else None
    return (start, b) if start is not None else None


def _source_head(tokens: _Tokens, k: int, lo: int, linked: bool = False) -> int | None:
    """Start of the source noun phrase ending at token k ("A senior official", "those"), or
    with `linked` of the one ending before a source link that ends at token k."""
    if linked:
        for link in _SOURCE_LINKS:
            first = k - len(link) + 1
            if first - 1 >= lo and tuple(tokens.lower[first:k + 1]) == link:
                k = first - 1
                break
        else:
            return None
    if k < lo or tokens.quoted[k] or not tokens.wordy[k]:
        return None
    word = tokens.lower[k]
    if word in _SOURCE_PRONOUNS:  # "those", or "many of those"
        partitive = k - 2 >= lo and tokens.lower[k - 1] == "of" and tokens.lower[k - 2] in _SOURCE_PRONOUNS
        return k - 2 if partitive else k
    if word not in _lexicon().source_nouns:
        return None
    return _np_backward(tokens, k, lo)


def _bare_verb_before(tokens: _Tokens, j: int) -> bool:
    """Is token j, standing alone before a cue word, a verb rather than a speaker: a lower-case
    word after "to" or a modal ("to find said …", "will see said …"), but not a pronoun or a
    plural noun ("close to him say", "to supporters saying")?"""
    word = tokens.lower[j]
    return j > 0 and not tokens.cap[j] and tokens.lower[j - 1] in _VERB_INTRODUCERS \
        and not word.endswith("s") and word not in _OBJECT_PRONOUNS and word not in _lexicon().pronouns


_VERB_INTRODUCERS = frozenset({"to", "will", "would", "can", "could", "should", "must", "may", "might"})
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "you", "it"})


def _verb_after_name(tokens: _Tokens, i: int) -> bool:
    """A lower-case word right after a name ends the noun phrase ("the BCC found …"), unless
    it names a source ("the Taliban statement", "the Kremlin spokesman")."""
    lex = _lexicon()
    word = tokens.lower[i]
    return tokens.cap[i - 1] and not tokens.cap[i] and word not in lex.source_nouns \
        and word not in lex.statement_nouns and word not in lex.org_nouns


def _appositive_name(tokens: _Tokens, i: int, limit: int) -> tuple[int, int] | None:
    """", Nicola Sturgeon," right after a description: the name (token range)."""
    if i >= limit or tokens.words[i] != ",":
        return None
    end = i + 1
    while end < limit and (tokens.cap[end] or _title_dot(tokens, end)) and not tokens.quoted[end]:
        end += 1
    return (i + 1, end) if end > i + 1 and end < limit and tokens.words[end] == "," else None


@cache
def _past_verbs() -> frozenset[str]:
    return data_set("claims_past_verbs.txt")


def _reads_as_clause(tokens: _Tokens, i: int, hi: int) -> bool:
    """Does a reported clause start at token i?  It has a finite auxiliary, or a past-tense
    verb after a name, before the first comma ("the Taliban captured the city")."""
    lex = _lexicon()
    for k in range(i, min(hi, i + 15)):
        w = tokens.lower[k]
        if tokens.words[k] in {",", ";", ":"} or w in lex.cue_keys:
            return False  # the finite verb of a later clause does not count
        if w in _FINITE:
            return True
        if k > i and (w.endswith("ed") or w in _past_verbs()) and not tokens.cap[k] and (
                tokens.cap[k - 1] or (k == i + 1 and tokens.lower[i] in lex.pronouns)):
            return True  # "the Taliban captured …", "Clinton won …", "he suffered …" (not "the problems he suffered")
        if ("'" in w or "’" in w) and _CLITIC_VERB.fullmatch(w) and _is_pronoun(w):
            return True  # "she’ll turn", "they're", "he'd"
    return False


def _after_quote(tokens: _Tokens, span_start: int, lo: int) -> bool:
    """Is the attribution right after a quotation ('"…," he added')?  A short capitalised
    quotation inside a phrase is a title, not speech ('In an interview on "Face the Nation,"
    Ryan said').""" 
    j = span_start - 1
    if j >= lo and tokens.words[j] == ",":
        j -= 1
    if j < lo or not tokens.quoted[j]:
        return False
    qi = tokens.quote_of[j]
    first = bisect.bisect_left(tokens.quote_of, qi, lo, j) if qi >= 0 else j
    if first <= max(lo, tokens.first_content):
        return True
    if tokens.wordy.count(1, first, j) >= _TITLE_WORDS and not _title_cased(tokens, first, j):
        return True  # (a longer title has its words capitalised: 'After hitting "Takin' It To the Streets,"')
    opening = next((x for x in range(first, j) if tokens.wordy[x]), j)
    return not tokens.cap[opening]  # 'Oz is “smart as hell,” Mosko wrote', not a programme's name


def _title_cased(tokens: _Tokens, a: int, b: int) -> bool:
    """Are the words of tokens a..b capitalised, but for short ones ("of", "the", "and")?"""
    return all(tokens.cap[x] or len(tokens.words[x]) <= 3 for x in range(a, b) if tokens.wordy[x])


# A capitalised quotation of fewer words that follows other words of its sentence is taken
# for a title.
_TITLE_WORDS = 5


_DASHES = frozenset({"—", "–", "-"})


# Prepositions whose object is no subject, though an aside between dashes may follow it
# ("… suspended over images on her blog - web diary - says …").
_OBJECT_PREPOSITIONS = _NP_PREPOSITIONS | {"over", "about", "with", "by", "to", "into", "onto", "against",
                                           "including", "under", "like"}


def _closes_dash_aside(tokens: _Tokens, j: int, lo: int) -> tuple[int, int] | None:
    """When the dash at token j closes an aside opened by the same dash earlier in the
    sentence, after the speaker's noun phrase ("Lord Bingham - a senior law lord - said"),
    (start of that noun phrase, opening dash); None when the dash links a second verb
    ("… - and added") or the phrase before the aside is a preposition's object."""
    dash = tokens.words[j]
    if dash not in _DASHES or tokens.quoted[j]:
        return None
    p = next((x for x in range(j - 1, max(lo, j - _WINDOW) - 1, -1)
              if tokens.words[x] == dash and not tokens.quoted[x]), None)
    a = _np_backward(tokens, p - 1, lo) if p is not None and p - 1 >= lo else None
    if a is None or (a > lo and tokens.lower[a - 1] in _OBJECT_PREPOSITIONS):
        return None
    return a, p


def _speaker_before_comma(tokens: _Tokens, j: int, lo: int, k: int, hi: int, frame: str
                          ) -> tuple[tuple[int, int] | None, str | None, int]:
    """The cue follows a comma or a quotation.  Either the speaker comes after the cue
    ('"…," said X'), or an aside stands between speaker and cue ("X, who …, said",
    "X, reporting from the capital, Kabul, said").
    Returns (speaker or None for inverted order, role, attribution start)."""
    lex = _lexicon()
    if tokens.quoted[j] or (j - 1 >= lo and tokens.quoted[j - 1] and not tokens.wordy[j - 1]):
        return None, None, k
    if tokens.words[j] in _DASHES:
        # "Jason Sims — a teacher from Mount Pleasant — says"
        aside = _closes_dash_aside(tokens, j, lo)
        if aside is None:
            return None, None, k
        a, p = aside
        name = _name_before_apposition(tokens, a, lo)
        if name is not None:  # '"…," Laah Chong-gyu, executive director of the bank - one of its creditors - said'
            return name, tokens.span_text(a, p), name[0]
        return (a, p), tokens.span_text(p + 1, j), a
    named = _name_before_participle_aside(tokens, j, lo)
    if named is not None:
        return named, None, named[0]  # "But Parry, speaking to BBC Sport, also admits Gerrard, who …"
    nxt = k + 1
    if frame != "tell" and nxt < hi and tokens.wordy[nxt] and not tokens.quoted[nxt]:
        end = _np_forward(tokens, nxt, hi)
        if end > nxt and (end >= hi or tokens.words[end] in {",", ".", ";", "!", "?"}
                          or (end - nxt >= 2 and all(tokens.cap[x] for x in range(nxt, end))
                              and _np_may_end(tokens, end, hi))) \
                and not all(tokens.lower[x] in lex.time_words for x in range(nxt, end)) \
                and _looks_like_source(tokens, nxt, end, lo):
            # "…, said the minister.", "…, said David Anders at Merrill Lynch on Thursday" (but
            # not "…, said Tuesday.", "…, said sales rose.")
            return None, None, k
    # look back over up to three commas for the one that opens the aside
    p = j - 1
    commas = 0
    while p > lo and j - p < _WINDOW:
        if tokens.words[p] == "," and not tokens.quoted[p] and not (tokens.cap[p + 1]
                                                                 and _region_of_a_place(tokens, p + 1, lo)):
            commas += 1
            described = None
            if p - 1 >= lo:
                described = _np_backward(tokens, p - 1, lo) if _names_description(tokens, p, lo) \
                    else _common_noun_named(tokens, p, j, lo)
            if described is not None:
                return (p + 1, j), tokens.span_text(described, p), described  # the name is the speaker
            aside = p - 1 >= lo and _opens_aside(tokens, p + 1)
            a = _np_backward(tokens, p - 1, lo) if p - 1 >= lo and (aside or (tokens.cap[p - 1] and (
                j - p <= 4 or tokens.lower[p + 1] in _AFFILIATIONS))) else None
            if a is not None and a > lo and tokens.cap[a] and (tokens.lower[a - 1] in _PLACE_PREPOSITIONS
                                                               or _region_of_a_place(tokens, a, lo)):
                # a place and its region inside the aside: "now retired in Cambridge, Mass.,
                # said", "Andrew Fisher, from Omaha, Nebraska, said", "a fellow at the
                # institute in Munich, Germany, and co-author of the study, said"
                a = None
            if a is not None:
                name = _name_before_apposition(tokens, a, lo)
                if name is not None:  # "John Kerry, the US secretary of state, who …, told"
                    is_role = tokens.lower[a] in lex.determiners or tokens.lower[a] in lex.source_nouns
                    return name, tokens.span_text(a, p) if is_role else None, name[0]
                first = tokens.lower[p + 1]
                is_role = first in lex.determiners or first not in _WH_WORDS and any(  # "senior associate for …"
                    tokens.lower[x] in lex.source_nouns for x in range(p + 1, min(p + 4, j)))
                return (a, p), tokens.span_text(p + 1, j) if is_role else None, a
            if commas == 3:
                break
        p -= 1
    a = _np_backward(tokens, j - 1, lo) if j - 1 >= lo else None
    if a is not None and _region_of_a_place(tokens, a, lo):
        a = _np_backward(tokens, a - 2, lo)  # "Officials in Kabul, Afghanistan, said"
    if a is not None and (a == lo or _opens_clause(tokens, lo, a)) and tokens.cap[a] \
            and tokens.lower[a] not in _time_openers().openers and commas == 0 and tokens.lower[k].endswith(("d", "s")):
        # a comma left between a name opening the sentence and its cue: "Gov. John Kasich
        # (R-OH), said, …", "The men's solicitor Matthew Knight, said that …" (not a bare
        # verb after a name addressed: "Mr. Trump, tell me, …")
        return (a, j), None, a
    return None, None, k


_PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "from"})


def _region_of_a_place(tokens: _Tokens, a: int, lo: int) -> bool:
    """Is the name at token a a country or region the gazetteer knows, after a comma after a
    place a preposition introduces ("in Munich, Germany"; not "in Washington, Marc Morial")?"""
    if a - 2 < lo or tokens.words[a - 1] != "," or not tokens.cap[a - 2]:
        return False
    place = a - 2
    while place > lo and tokens.cap[place - 1] and a - place < _WINDOW:
        place -= 1
    if not (place > lo and tokens.lower[place - 1] in _REGION_PREPOSITIONS):
        return False
    end = a
    while end + 1 < len(tokens.words) and tokens.cap[end + 1] and end - a < 3:
        end += 1
    from .entities import fold, gazetteer

    entry = gazetteer().entry(fold(tokens.span_text(a, end + 1)))
    return bool(entry) and entry[0] in {"GPE", "LOC"} or _us_state(tokens, a)


_REGION_PREPOSITIONS = _PLACE_PREPOSITIONS | {"of"}  # "Donna Rawlings, of Ashton, Md., said"


def _us_state(tokens: _Tokens, a: int) -> bool:
    """A US state as news style abbreviates it after a town ("Md.", "Calif.", "N.J.") or its
    postal code ("TX")."""
    from .entities import fold, gazetteer

    word = tokens.words[a]
    if len(word) == 2 and word.isupper() and fold(word) in gazetteer().us_state_codes:
        return True
    dotted = word if word.endswith(".") else word + "." if tokens.words[a + 1:a + 2] == (".",) else ""
    return dotted in data_set("entities_us_state_abbreviations.txt")
# Prepositions that open an aside giving a named speaker's organisation or place, however
# long it is ("Mike Hobday, of the League Against Cruel Sports, said").
_AFFILIATIONS = frozenset({"of", "from", "at"})


def _name_before_participle_aside(tokens: _Tokens, j: int, lo: int) -> tuple[int, int] | None:
    """The name before an aside that opens with a participle or "who" and ends at comma j
    ("Parry, speaking exclusively to BBC Sport, admits …"), or None.  Read before the
    inverted order, which would take the cue's object for the speaker ("admits Gerrard,")."""
    p = next((x for x in range(j - 1, max(lo, j - _WINDOW) - 1, -1)
              if tokens.words[x] == "," and not tokens.quoted[x]), None)
    if p is None or p - 1 < lo or not tokens.cap[p - 1] or tokens.quoted[p - 1]:
        return None
    w = tokens.lower[p + 1]
    if tokens.cap[p + 1] or "-" in w or not (w.endswith("ing") or w == "who"):
        return None
    a = _np_backward(tokens, p - 1, lo)
    if a is None or not (a == lo or _opens_clause(tokens, lo, a)):
        return None  # the subject opens the clause: not "For the BBC, revenue-generating …, said X"
    return a, p


_APPOSITION_ADVERBS = frozenset({"now", "then", "formerly", "also"})


def _name_before_apposition(tokens: _Tokens, a: int, lo: int) -> tuple[int, int] | None:
    """When the noun phrase at token a is itself an apposition or an age after a name
    ("John Kerry, the US secretary of state, …", "Jones, 45, …", "McConnell, now the Senate
    majority leader, …"), the tokens of that name."""
    lex = _lexicon()
    w = tokens.lower[a]
    if a - 1 >= lo and tokens.lower[a - 1] in _APPOSITION_ADVERBS:
        a -= 1
    if a - 2 < lo or tokens.words[a - 1] != "," or tokens.quoted[a - 1]:
        return None
    if not (w in lex.determiners or w in lex.source_nouns or w[0].isdigit()):
        return None
    if not tokens.cap[a - 2] or tokens.quoted[a - 2]:
        return None
    start = _np_backward(tokens, a - 2, lo)
    if start is None or tokens.lower[start] in lex.pronouns:
        return None
    times = _time_openers()
    if all(tokens.lower[x] in times.dated or tokens.lower[x] in times.days for x in range(start, a - 1)):
        return None  # "On Monday, the People's Daily, …": a date, not a name the apposition describes
    return start, a - 1


def _names_description(tokens: _Tokens, p: int, lo: int) -> bool:
    """Is the aside after comma p a name given to the description before it ("A Twitter
    spokesman, Christopher Abboud, said", "Carter's press secretary, Peter Cook, told")?"""
    if p + 1 >= len(tokens.words) or not tokens.cap[p + 1] or tokens.quoted[p + 1]:
        return False
    a = _np_backward(tokens, p - 1, lo) if p - 1 >= lo else None
    if a is None:
        return False
    lex = _lexicon()
    if tokens.lower[a] in lex.determiners:
        return any(tokens.lower[x] in lex.source_nouns for x in range(a, p))
    if any(tokens.lower[x + 1] == "to" and tokens.lower[x] in lex.source_nouns for x in range(a, p - 1)):
        return True  # "Shadow chief secretary to the Treasury, George Osborne, said"
    # A possessive opens the description: the source noun must follow it ("the army's
    # spokesman"), not be the owner ("Britain's Mark England").
    owner = next((x for x in range(a, p) if _possessive(tokens.words[x])), None)
    return owner is not None and any(tokens.lower[x] in lex.source_nouns for x in range(owner + 1, p))


_RESTRICTIVE_RELATIVES = frozenset({"that", "which", "who"})
_RELATIVE_CLAUSE_TOKENS = 8


def _common_noun_named(tokens: _Tokens, p: int, j: int, lo: int) -> int | None:
    """Where the description starts when the aside p+1..j, right before the cue, is no more
    than a name given to a description headed by a common noun ("The world's biggest tobacco
    consumer, China, has said", "India's biggest oil firm, ONGC, says", "the assailant, John
    McGraw, told"); else None."""
    if j - p - 1 > 8 or not all(tokens.cap[x] or tokens.words[x] in "()&" for x in range(p + 1, j)) \
            or any(tokens.quoted[x] for x in range(p + 1, j)):
        return None
    head = p - 1
    if not tokens.wordy[head] or tokens.quoted[head]:
        return None
    a = _np_backward(tokens, head, lo)
    if a is None:
        return None
    # a restrictive relative clause inside the description: its noun phrase opens it ("The
    # group that owns most of her music, Big Machine, says"), whatever it ends with ("The
    # company that runs the AMAs, Dick Clark Productions, denies")
    relative = next((x for x in range(head - 1, max(lo, a - _RELATIVE_CLAUSE_TOKENS) - 1, -1)
                     if tokens.lower[x] in _RESTRICTIVE_RELATIVES), None)
    if relative is not None and relative > lo and tokens.wordy[relative - 1]:
        a = _np_backward(tokens, relative - 1, lo)
        if a is None:
            return None
    elif tokens.cap[head] or a == head:
        return None  # the description is a name itself ("Britain's Mark England")
    # the description opens its clause or follows the quotation: not "reporting from the
    # capital, Kabul, said", where it is a preposition's object
    if a > lo and not (tokens.lower[a - 1] in _CONJUNCTIONS or tokens.quoted[a - 1]
                       or (tokens.words[a - 1] == "," and a - 2 >= lo and tokens.quoted[a - 2])):
        return None
    lex = _lexicon()
    if tokens.lower[a] in lex.determiners or (_possessive(tokens.words[a]) and not tokens.cap[a + 1]):
        return a
    return None


def _opens_aside(tokens: _Tokens, i: int) -> bool:
    """Can token i begin an apposition or relative clause ("a provincial lawmaker",
    "who asked not to be named", "reporting from the capital")?"""
    if tokens.quoted[i] or not tokens.wordy[i]:
        return False
    w = tokens.lower[i]
    lex = _lexicon()
    if (w in lex.determiners or w in _WH_WORDS or w in _ASIDE_ADVERBIALS or w[0].isdigit()
            or (w.endswith("ing") and not tokens.cap[i])):
        return True
    if (w.endswith("ed") or w in _IRREGULAR_PARTICIPLES) and not tokens.cap[i] and i + 1 < len(tokens.words) \
            and (tokens.lower[i + 1] in _OBJECT_PREPOSITIONS or tokens.lower[i + 1] == "as"):
        return True  # a participle: "Mary Susan, clad in a red cape, said", "X, known as Ant and Dec, said"
    # "Sanders’ campaign manager", "the Democratic chair of …": a source noun soon after
    return any(tokens.lower[x] in lex.source_nouns for x in range(i, min(i + 4, len(tokens.words))))


def _skip_addressee(tokens: _Tokens, i: int, hi: int) -> int:
    """After "told": skip "us", "reporters", "the BBC", "Fox News", "Al Jazeera"."""
    lex = _lexicon()
    if i >= hi:
        return i
    if tokens.quoted[i]:  # a programme's title: 'told "Good Morning America"'
        end = _past_quoted_title(tokens, i, hi)
        title_cased = all(tokens.cap[x] or tokens.lower[x] in _TITLE_LINKS for x in range(i, end) if tokens.wordy[x])
        return end if title_cased else i
    w = tokens.lower[i]
    if w in lex.addressees:
        return i + 1
    if w == "the" and i + 1 < hi and tokens.lower[i + 1] in lex.addressees and not tokens.quoted[i + 1]:
        return i + 2  # "told the committee", "told the court"
    k = i
    if w == "the" and k + 1 < hi:
        k += 1
    if not (tokens.wordy[k] and tokens.cap[k]) or tokens.quoted[k]:
        if w == "the":
            end = _np_forward(tokens, i, hi)
            return end if end >= hi or not tokens.wordy[end] else i
        return i
    first = k
    while k < hi and tokens.wordy[k] and not tokens.quoted[k] and tokens.cap[k] and k - i < 5 \
            and not (k > first and _date_after_name(tokens, k, hi)):
        k += 1
    if k < hi and tokens.lower[k] in lex.addressees and not tokens.quoted[k]:
        return k + 1  # "told Kenyan media"
    outlet_nouns = _outlet_nouns()
    title_end = _title_link_end(tokens, k, hi)
    if title_end < hi and tokens.lower[title_end] in outlet_nouns:
        k = title_end  # "BBC One's Breakfast with Frost programme", "the BBC's Focus on Africa programme"
    named = k
    while k < hi and k - named < 3 and tokens.lower[k] in outlet_nouns and not tokens.quoted[k]:
        k += 1  # "the BBC News website", "Reuters news agency", "BBC Two's Newsnight programme"
    if k > named:
        return k
    if k < hi and tokens.lower[k] in _FINITE and k - first >= 2:
        return _addressee_end(tokens, first, k)
    return k


def _past_quoted_title(tokens: _Tokens, i: int, hi: int) -> int:
    """After the quotation at token i when it is a short capitalised title (at most four
    words), else i."""
    if i >= hi or not tokens.quoted[i]:
        return i
    qi = tokens.quote_of[i]
    end = i
    while end < hi and tokens.quote_of[end] == qi:
        end += 1
    words = [x for x in range(i, end) if tokens.wordy[x]]
    return end if words and len(words) <= 4 and tokens.cap[words[0]] else i


def _date_after_name(tokens: _Tokens, k: int, hi: int) -> bool:
    """Is token k a day or month after an outlet's name ("told the Argus Leader Monday that"),
    not part of a title ("GMTV's Sunday programme", "Sunday Live")?"""
    return tokens.lower[k] in _time_openers().dated and not (
        k + 1 < hi and (tokens.cap[k + 1] or tokens.lower[k + 1] in _outlet_nouns()))


_TITLE_LINKS = frozenset({"with", "on", "of", "and", "for", "the", "in", "at"})


def _title_link_end(tokens: _Tokens, k: int, hi: int) -> int:
    """End of the capitalised words of a programme's title that go on after a small word at
    token k ("Breakfast with Frost", "Focus on Africa"), or k when none do."""
    end = k
    while end + 1 < hi and tokens.lower[end] in _TITLE_LINKS and not tokens.cap[end] and tokens.cap[end + 1] \
            and tokens.wordy[end + 1] and not tokens.quoted[end + 1]:
        end += 1
        while end < hi and tokens.cap[end] and tokens.wordy[end] and not tokens.quoted[end]:
            end += 1
    return end


@cache
def _outlet_nouns() -> frozenset[str]:
    return data_set("claims_outlet_nouns.txt")


@cache
def _outlet_names() -> frozenset[str]:
    """Names of news outlets as written ("BBC News", "Sunday Times"), without a leading "the"."""
    names = set()
    for row in data_lines("stories_outlets.txt"):
        for name in row.split("|"):
            words = name.split()
            names.add(" ".join(words[1:] if words and words[0].lower() == "the" else words))
    return frozenset(names)


def _addressee_end(tokens: _Tokens, first: int, k: int) -> int:
    """Where the capitalised addressee at first..k ends when a verb follows the run, so that
    the reported clause's subject is in the run ("told the BBC Michael Howard has always …",
    "told the Sunday Times Mr Campbell would …", "told BBC News Labour MPs would …"): before
    a courtesy title, else after the longest outlet name or an acronym opening the run."""
    courtesy = _courtesy_titles()
    for x in range(first + 1, k):
        if tokens.lower[x].rstrip(".") in courtesy:
            return x
    outlets = _outlet_names()
    for end in range(k - 1, first, -1):
        if tokens.span_text(first, end) in outlets:
            return end
    word = tokens.words[first]
    return first + 1 if len(word) > 1 and word.isupper() else k


def _skip_to_that(tokens: _Tokens, i: int, hi: int, addressee: bool) -> int:
    """Skip "that", or a short phrase ending in "that" ("on Sunday that", "to Al Jazeera that",
    and with verbs that take an addressee, "warned the US outlet Fox News that", or ending in
    a colon, "told BBC Radio 4's Today programme:")."""
    if i < hi and tokens.lower[i] == "that":
        return i if _demonstrative_that(tokens, i, hi) else i + 1
    if i < hi and tokens.words[i] in {",", ";"}:
        if i + 1 < hi and tokens.lower[i + 1] == "that":
            return i + 2  # "so bad, Mr. Obama noted, that …"
        return i  # "told reporters, adding that …": the rest is another claim's
    lex = _lexicon()
    if i < hi and (addressee or tokens.lower[i] in _PHRASE_PREPOSITIONS or tokens.lower[i] in lex.time_words
                   or tokens.lower[i] == "of"):
        for k in range(i + 1, min(hi, i + 8)):
            if tokens.words[k] == ":" and not tokens.quoted[k]:
                return k  # "told BBC Radio 4's Today programme: …", "said on Twitter: …"
            if tokens.quoted[k] or tokens.words[k] in {",", ".", ":", ";"} or tokens.lower[k] in _FINITE:
                break
            if tokens.lower[k] == "that" and not (k + 1 < hi and tokens.lower[k + 1] in lex.time_words):
                if k + 1 < hi and _relative_verb(tokens.lower[k + 1]):
                    return i  # "reported third-quarter earnings that topped estimates": no clause reported
                return k + 1  # "said of Apple that …", but "in his speech that night" goes on
        # "said in the video the Taliban …": a leading channel phrase is not content
        k = i + 1
        while k < hi and k - i < 5 and tokens.lower[k] in lex.determiners:
            k += 1
        if k < hi and tokens.lower[k] in lex.time_words and tokens.lower[i] != "of":
            while k + 1 < hi and (tokens.lower[k + 1] in lex.time_words or _is_year(tokens.words[k + 1])):
                k += 1  # "in November 2003"
            return k + 1
    return i


_AMOUNT_OF_MEANING = frozenset({"something", "much", "little", "nothing", "volumes", "plenty", "lots"})
_SAID_NOTHING = frozenset({"nothing", "little"})
_WHAT_WORDS = frozenset({"what", "whatever", "everything", "anything", "something", "nothing"})


def _relative_verb(word: str) -> bool:
    """A verb right after "that": the "that" is a relative pronoun, its clause describes the
    noun before ("earnings that topped estimates", "sales that were better")."""
    return word in _FINITE or word in _past_verbs() or (word.endswith("ed") and len(word) > 3)


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit()


def _trailing_phrase_end(tokens: _Tokens, i: int, hi: int) -> int:
    """End of what trails an attribution whose content came before it: an addressee or place
    ("told Al Jazeera from a Kunduz hospital") up to the next comma or the sentence end."""
    k = i
    stop = min(hi, i + _WINDOW)
    while k < stop and tokens.words[k] not in {",", ".", ";", "!", "?", ":"} and not tokens.quoted[k]:
        k += 1
    return k


# --------------------------------------------------------------------------- claims under construction


@dataclass(slots=True)
class _Segment:
    line: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class _Draft:
    """A claim while it is built; segments can still be added."""
    speaker: str | None
    role: str | None
    cue: str | None
    polarity: str
    segments: list[_Segment] = field(default_factory=list)
    direct_parts: int = 0
    indirect_parts: int = 0
    quoted_inside: bool = False
    nested: bool = False  # reported inside another speaker's quotation
    speaker_at: tuple[int, int] | None = None  # (line, offset) where the speaker is written

    @property
    def kind(self) -> str:
        if self.indirect_parts == 0:
            return "direct"
        return "mixed" if self.quoted_inside or self.direct_parts else "indirect"


# Cue words that are more often nouns when written with a capital inside a headline.
# "continued" reports speech only after a source ("the minister continued"); elsewhere it
# is a plain verb or an adjective ("the firms continued the work", "takes continued effort").
_CONTINUE_CUES = frozenset({"continued", "continues"})
_NOUN_LIKE_CUES = frozenset({"claims", "reports", "report", "calls", "warning", "denials"})
# Words that link a reported clause to what went before and are not part of it.
_LEADING_LINKS = frozenset({"that", "but", "and", "so", "yet"})
_TRAILING_LINKS = frozenset({"and", "but", "while", "as", "with", "however", "though", "meanwhile"})


def _demonstrative_that(tokens: _Tokens, i: int, hi: int) -> bool:
    """Is "that" at token i the subject of the reported clause ("said that would be
    impossible", "say that could change") rather than the complementizer: a verb follows?
    Or does it point at a claim the cue takes as its object ("rejected that argument in a
    ruling", "said that claim was false"; not "said that account holders …")?"""
    if i + 1 >= hi or tokens.quoted[i + 1]:
        return False
    nxt = tokens.lower[i + 1]
    if nxt in _FINITE:
        return True
    if nxt not in _lexicon().claim_nouns or nxt.endswith("s"):
        return False
    after = i + 2
    return after >= hi or not tokens.wordy[after] or tokens.lower[after] in _FINITE \
        or tokens.lower[after] in _OBJECT_PREPOSITIONS or tokens.lower[after] == "as"


def _trim(tokens: _Tokens, a: int, b: int) -> tuple[int, int]:
    """Drop punctuation, "that" and linking words from the edges of a content range.  An
    adverb ending the range stays with the clause it modifies ("would help it to cut costs
    further", "he began to doubt himself again") unless it links to the writer's text ("…,
    however"); an adverb alone is no content ("Already, he said, …")."""
    while a < b and (tokens.words[a] in {",", ":", ";", "—", "–", "-"} or
                     (tokens.lower[a] in _LEADING_LINKS and not tokens.quoted[a]
                      and not (tokens.lower[a] == "that" and _demonstrative_that(tokens, a, b)))):
        a += 1
    while b > a and not tokens.quoted[b - 1] and (
            tokens.words[b - 1] in {",", ".", ";", ":", "—", "–", "-", "(", "!"}
            or tokens.lower[b - 1] in _TRAILING_LINKS):
        b -= 1
    if b == a + 1 and tokens.lower[a] in _lexicon().adverbs:
        return a, a
    return a, b


def _add_range(draft: _Draft, tokens: _Tokens, line: int, a: int, b: int) -> None:
    """Add tokens a..b as content: a bare quotation becomes direct speech without its marks."""
    a, b = _trim(tokens, a, b)
    if a >= b:
        return
    if 1 not in tokens.wordy[a:b]:
        return
    qi = tokens.quote_of[a]
    if qi >= 0 and tokens.quote_of[b - 1] == qi:  # a quotation's tokens are one run: all of a..b is in it
        quote = tokens.quotes[qi]
        start, end = quote.inner
        text = tokens.text
        while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        draft.segments.append(_Segment(line, start, end, text[start:end]))
        draft.direct_parts += 1
        return
    start, end = tokens.starts[a], tokens.ends[b - 1]
    draft.segments.append(_Segment(line, start, end, tokens.text[start:end]))
    draft.indirect_parts += 1
    draft.quoted_inside = draft.quoted_inside or 1 in tokens.quoted[a:b]


_NAME_COLON = regex.compile(r"(\p{Lu}[\p{L}\p{M}'’.\-]*+(?: \p{Lu}[\p{L}\p{M}'’.\-]*+){0,3})\s*+:\s*+(?=[\"“‘'\p{L}])")
_CUE_WORD = regex.compile(r"\p{L}++")


def _line_drafts(text: str, low: str, quotes: list[Quote], line: int, stems: list[str]) -> list[_Draft]:
    """Claims of one line (`low` is its lower-cased text).  Only sentences holding one of
    the line's cue words (`stems`) are tokenised."""
    drafts: list[_Draft] = []
    orphan: tuple[int, int] | None = None  # the last sentence, a quotation nobody has claimed
    for a, b in _sentences(text, quotes):
        tokens = None
        attributions: list[_Attribution] = []
        if any(map(low[a:b].__contains__, stems)):
            tokens = _tokenize(text, quotes, a, b)
            attributions = _find_attributions(tokens, 0, len(tokens.words))
        if not attributions:
            last = drafts[-1] if drafts else None
            orphan = None
            if _bare_quote(text, quotes, a, b):
                if last is not None:  # 'X said … "…"' or 'X said Y.' then '"…"': X's words go on
                    tokens = tokens or _tokenize(text, quotes, a, b)
                    _add_range(last, tokens, line, 0, len(tokens.words))
                else:
                    orphan = (a, b)
            continue
        hi = len(tokens.words)
        for idx, att in enumerate(attributions):
            prev_end = attributions[idx - 1].span[1] if idx else 0
            if att.inherits:
                source = drafts[-1] if drafts else None
                speaker, role = (source.speaker, source.role) if source else (None, None)
                speaker_at = source.speaker_at if source else None
            else:
                speaker = _without_clitic(tokens.span_text(*att.speaker)) if att.speaker else None
                role = att.role
                speaker_at = (line, tokens.starts[att.speaker[0]]) if att.speaker else None
            draft = _Draft(speaker, role, att.cue, att.polarity, speaker_at=speaker_at)
            if att.side == "after":
                end = _content_end(tokens, attributions, idx, hi)
                if att.relative:
                    end = _relative_clause_end(tokens, att.content_from, end)
                if att.naming:
                    end = _naming_end(tokens, att.content_from, end)
                _add_range(draft, tokens, line, att.content_from, _gloss_start(tokens, att.content_from, end))
            elif att.side == "before":
                _add_range(draft, tokens, line, prev_end, att.span[0])
                if idx + 1 == len(attributions):
                    _continue_after(draft, tokens, line, (prev_end, att.span[0]), att.span[1], hi)
            elif orphan is not None:
                quoted = _tokenize(text, quotes, *orphan)
                _add_range(draft, quoted, line, 0, len(quoted.words))
            elif att.content_from < hi and tokens.wordy[att.content_from]:
                # no quotation before '… said of Apple …': what follows the cue is all there is
                _add_range(draft, tokens, line, att.content_from, _content_end(tokens, attributions, idx, hi))
            if draft.segments:
                drafts.append(draft)
        orphan = None
    return drafts


# How many attributions a reported clause may hold nested inside it; past that the next one
# ends it, so the contents of a sentence full of cues add up to linear size.
_MAX_NESTED = 1


def _content_end(tokens: _Tokens, attributions: list[_Attribution], idx: int, hi: int) -> int:
    """Where the content after attribution idx stops: at the next attribution that goes on
    with the same speaker (", adding …") or whose content comes before it; an attribution
    with its own speaker after the cue ("he said his parents told him …") is nested in it."""
    for nested, later in enumerate(range(idx + 1, len(attributions))):
        nxt = attributions[later]
        if nxt.inherits or nxt.side == "before" or nested == _MAX_NESTED \
                or _comma_between(tokens, attributions[idx].content_from, nxt.span[0]):
            return nxt.span[0]
    return hi


def _naming_end(tokens: _Tokens, a: int, b: int) -> int:
    """Where what a speaker called something (a..b) ends once its quotation has closed: at
    "but", a dash or semicolon, at "and" before a clause ('called it "a disaster" and officials
    said nothing', 'described this as the "worst case" and accused him of …'), at a comma
    unless a list goes on ('for schools, roads and bridges'); not where another naming follows
    ('called it "cruel" and "unjust"', 'his assumptions "aggressive" and his plan "damaging"')."""
    quoted = False
    for i in range(a, b - 1):
        if tokens.quoted[i]:
            quoted = True
            continue
        if not quoted:
            continue
        w = tokens.lower[i]
        if w in ("but", ";", "—", "–"):
            return i
        if w in ("and", ",") and not _naming_follows(tokens, i + 1, b) and (
                _clause_follows(tokens, i + 1, b) if w == "and" else not _list_goes_on(tokens, i + 1, b)):
            return i
    return b


def _naming_follows(tokens: _Tokens, i: int, b: int) -> bool:
    """Does a quotation open within a few words after i, before any verb?"""
    for j in range(i, min(b, i + 5)):
        if tokens.quoted[j]:
            return True
        if _relative_verb(tokens.lower[j]):
            return False
    return False


def _clause_follows(tokens: _Tokens, i: int, b: int) -> bool:
    """Does a clause or a verb phrase open at i: a pronoun, or a verb within a few words
    ("and officials said", "and I agree", "and threatened to …"; not "and bridges")?"""
    if i < b and tokens.lower[i] in _lexicon().pronouns:
        return True
    return any(_relative_verb(tokens.lower[j]) or (tokens.lower[j].endswith("ing") and not tokens.cap[j])
               for j in range(i, min(b, i + 4)))


def _list_goes_on(tokens: _Tokens, i: int, b: int) -> bool:
    """Do the words after a comma at i - 1 end a list ("schools, roads and bridges")?"""
    return any(tokens.lower[j] in ("and", "or") and all(tokens.wordy[x] for x in range(i, j))
               for j in range(i + 1, min(b, i + 3)))


def _relative_clause_end(tokens: _Tokens, a: int, b: int) -> int:
    """Where a relative clause that opened at a..b closes: at a comma before a lower-case
    word, where the sentence goes on ("Mr Mubanga, who insists he is not bitter, said …")."""
    commas = tokens.commas()
    for n in range(bisect.bisect_left(commas, a + 2), len(commas)):
        i = commas[n]
        if i >= b - 1:
            break
        if tokens.wordy[i + 1] and not tokens.cap[i + 1] and not tokens.quoted[i + 1]:
            return i
    return b


def _relative_antecedent(tokens: _Tokens, j: int, floor: int) -> int | None:
    """Start of the person or source that ", who said" at token j + 1 refers to: a run of
    capitalised words ("Jeb Bush and Chris Christie"), or a source noun with a determiner
    just before it ("the minister", "his wife", "local residents"); None for anything else
    ("The move angered residents" is no speaker)."""
    lex = _lexicon()
    if tokens.quoted[j] or not tokens.wordy[j]:
        return None
    if tokens.cap[j]:
        k = j
        while k - 1 >= floor and not tokens.quoted[k - 1] and tokens.wordy[k - 1] and (
                tokens.cap[k - 1] or (tokens.lower[k - 1] == "and" and k - 2 >= floor and tokens.cap[k - 2])):
            k -= 1
        while k < j and (tokens.lower[k] in _SENTENCE_OPENERS or tokens.lower[k] in lex.determiners):
            k += 1  # "But Dallaglio, who …"
        place = k > floor and tokens.lower[k - 1] in _NP_PREPOSITIONS  # "a voter from Manchester"
        return None if place or _a_major_place_or_body(tokens.span_text(k, j + 1)) else k
    if tokens.lower[j] not in lex.source_nouns:
        return None
    for k in range(j - 1, max(floor - 1, j - 5), -1):  # "the Senate majority leader"
        if tokens.lower[k] in lex.determiners:
            return k
        if tokens.quoted[k] or not tokens.wordy[k]:
            break
    return j if _plural([tokens.lower[j]]) else None


_RESTRICTIVE_RELATIVES = frozenset({"who", "which", "that"})


def _restrictive_relative(tokens: _Tokens, j: int, lo: int) -> tuple[int, int] | None:
    """The speaker of a cue in a relative clause with no comma, when the speaker is the
    object of a verb or preposition ("sued by a viewer who says …", "Among those who said
    …", "admonished by the SEC which said …"), so that the relative clause ends the
    sentence or a phrase; as a sentence's subject its main verb would follow the content."""
    w = tokens.lower[j]
    if w not in _RESTRICTIVE_RELATIVES or j - 1 < lo or tokens.cap[j] or tokens.quoted[j - 1] or not tokens.wordy[j - 1]:
        return None
    head = tokens.lower[j - 1]
    if w == "who" and head in _SOURCE_PRONOUNS:
        a = j - 1  # "those who said"
    elif tokens.cap[j - 1] or (w == "who" and head in _subject_heads()) or head in _lexicon().statement_nouns:
        a = _np_backward(tokens, j - 1, lo)
    else:
        return None
    if a is None or a == lo or _opens_clause(tokens, lo, a) or not tokens.wordy[a - 1] or tokens.cap[a - 1] \
            or tokens.quoted[a - 1]:
        return None
    if w != "who" and any(tokens.lower[x].rstrip(".") in _HONORIFICS for x in range(a, j)):
        return None  # "an email from Mr Van de Vijver which said": the email, not the man
    return a, j


def _comma_between(tokens: _Tokens, a: int, b: int) -> bool:
    """An unquoted comma just before b: a new clause with its own speaker, not a nested one
    ("While Comey has said …, Lewandowski said …")."""
    commas = tokens.commas()
    i = bisect.bisect_left(commas, max(a, b - _WINDOW))
    return i < len(commas) and commas[i] < b


# After a comma, these open the writer's gloss or a new clause, not more of the reported
# one ("…, which is one of the country's larger cities", "…, but he gave the Texan …").
_GLOSS_OPENERS = frozenset({"which", "who", "whose", "but", "while", "whereas", "although", "though"})


def _gloss_start(tokens: _Tokens, a: int, b: int) -> int:
    """Where a reported clause a..b gives way to a gloss or a new clause (b when it does not).
    A relative clause between commas that the reported clause goes on after is part of it
    ("said the services sector, which accounts for three-quarters of the economy, grew 1%")."""
    breaks = tokens.gloss_breaks()
    i = bisect.bisect_left(breaks, a + 3)
    while i < len(breaks) and breaks[i] < b and (breaks[i] + 1 < b or tokens.words[breaks[i]] == ";"):
        resumes = _clause_resumes_after(tokens, breaks[i], b)
        if resumes is None:
            return breaks[i]  # a comma just before b opens nothing inside the clause
        i = bisect.bisect_left(breaks, resumes)
    return b


_EMBEDDED_RELATIVES = frozenset({"which", "who", "whose"})
_CLAUSE_LINKS = frozenset({"and", "or", "but", "nor", "so", "yet"})


def _clause_resumes_after(tokens: _Tokens, comma: int, b: int) -> int | None:
    """The index after the comma that closes a relative clause opened at `comma`, when a
    lower-case word other than a conjunction follows it before `b` (the clause goes on
    with its verb); None when the relative clause ends the reported one."""
    words, lower = tokens.words, tokens.lower
    if words[comma] != "," or lower[comma + 1] not in _EMBEDDED_RELATIVES:
        return None
    closing = next((j for j in tokens.commas() if comma < j < b), None)
    if closing is None or closing + 1 >= b:
        return None
    after = words[closing + 1]
    if not after.isalpha() or not after.islower() or after in _CLAUSE_LINKS or after in _GLOSS_OPENERS:
        return None
    return closing + 1


def _name_colon_claim(text: str, quotes: list[Quote], line: int) -> _Draft | None:
    """'Dostum: ‘Time to stand against the enemy’', 'Graham: Trump's rhetoric is destroying
    the party': a name, a colon and what the person said.  Without quotation marks the claim
    is only a candidate: `_confirm_name_colons` keeps it when the name also speaks elsewhere
    in the article (so "Daily Deals: …" or "Note: …" are not speakers)."""
    m = _NAME_COLON.match(text, 1 if text[:1] in _DOUBLE_OPEN else 0)
    if not m or m.group(1).split()[0].lower() in _lexicon().source_nouns:
        return None
    rest = m.end()
    quoted = bool(quotes) and quotes[0].open == rest and _bare_quote(text, quotes, rest, len(text))
    if not quoted and (len(_CUE_WORD.findall(text, rest)) < 4 or len(m.group(1)) < 2):
        return None
    draft = _Draft(m.group(1), None, ":", "assert", speaker_at=(line, 0))
    tokens = _tokenize(text, quotes, rest)
    _add_range(draft, tokens, line, 0, len(tokens.words))
    return draft if draft.segments else None


def _transcript_in_quotes(text: str) -> bool:
    """A quotation paragraph that opens with a speaker's name in capitals and a colon."""
    m = _NAME_COLON.match(text, 1)
    return m is not None and m.group(1).isupper() and len(m.group(1)) >= 2


def _confirm_name_colons(drafts: list[_Draft]) -> list[_Draft]:
    """Drop unquoted "Name: …" claims whose name is no other claim's speaker, unless the
    article is a transcript: two or more speakers in capitals ("TAPPER: …", "FALLIN: …")."""
    def unconfirmed(d: _Draft) -> bool:
        return d.cue == ":" and d.direct_parts == 0
    if not any(unconfirmed(d) for d in drafts):
        return drafts
    speaker_words = {w.lower() for d in drafts if not unconfirmed(d) and d.speaker
                     for w in _CUE_WORD.findall(d.speaker)}
    if len({d.speaker for d in drafts if unconfirmed(d) and d.speaker.isupper()}) >= 2:
        speaker_words |= {w.lower() for d in drafts if unconfirmed(d) and d.speaker.isupper()
                          for w in _CUE_WORD.findall(d.speaker)}
    return [d for d in drafts if not unconfirmed(d)
            or {w.lower() for w in _CUE_WORD.findall(d.speaker)} <= speaker_words]


def _continue_after(draft: _Draft, tokens: _Tokens, line: int, before: tuple[int, int], i: int, hi: int) -> None:
    """The content resumes after the attribution: '"…," X said, "…"', "CLAUSE, officials
    said, freeing …", and parentheticals whose first part is no clause on its own ("In a
    merger, he said, the HP brand would survive").  A noun phrase after a complete clause is
    the writer's gloss ("…, the armed group said, the third provincial capital …")."""
    lex = _lexicon()
    if i >= hi or tokens.words[i] != ",":
        return
    i += 1
    if i >= hi:
        return
    if tokens.quoted[i]:
        _add_range(draft, tokens, line, i, hi)
        return
    if draft.direct_parts and tokens.wordy[i] and tokens.lower[i].endswith("ing") and not tokens.cap[i]:
        # '"Every time you say that," Tester said, referring to the excuse, "you give …"': the
        # quotation goes on after the writer's participle phrase
        for j in range(i + 1, min(hi - 1, i + _WINDOW)):
            if tokens.quoted[j]:
                break
            if tokens.words[j] == ",":
                if tokens.quoted[j + 1]:
                    _add_range(draft, tokens, line, j + 1, hi)
                break
        return
    if (draft.indirect_parts == 0 and draft.segments) or not tokens.wordy[i] or tokens.lower[i] in lex.speaker_participles:
        return  # (no segment yet: the first part was only an adverb, "Already, he said, …")
    a, b = before
    if tokens.wordy.count(1, a, b) <= 5 or not _reads_as_clause(tokens, a, b):
        _add_range(draft, tokens, line, i, hi)
        return
    w = tokens.lower[i]
    if tokens.cap[i] or w in lex.determiners or w in _WH_WORDS or w in _PHRASE_PREPOSITIONS or w.endswith("ly"):
        return
    if w == "and":
        i += 1
    _add_range(draft, tokens, line, i, hi)


# --------------------------------------------------------------------------- speakers


@lru_cache(maxsize=4096)
def _name_part(speaker: str) -> str | None:
    """The proper name inside a speaker's noun phrase, or None for a description.
    "Fox News presenter Bret Baier" -> "Bret Baier"; "Mr Lewis" -> "Lewis";
    "A Taliban statement" -> "Taliban"; "a statement from the Taliban" -> "Taliban"."""
    lex = _lexicon()
    words = _SPEAKER_WORD.findall(speaker)
    if not words or (len(words) == 1 and (_is_pronoun(words[0]) or words[0].lower() in _QUANTIFIER_PRONOUNS)):
        return None  # "he", "We've", "Others"
    # (a capitalised statement noun after a capitalised word names an outlet: "the Washington Post")
    statement = next((i for i, w in enumerate(words) if w.lower() in lex.statement_nouns
                      and not (i and w[0].isupper() and words[i - 1][0].isupper())), None)
    if statement is not None:
        addressed = statement + 1 < len(words) and words[statement + 1].lower() == "to"  # "a letter to MCI's board"
        after = [] if addressed else _first_name_run(words[statement + 1:])
        before = [_strip_possessive(w) for w in words[:statement] if w[0].isupper()
                  and w.lower() not in lex.determiners]
        names = after or before
        return " ".join(names) if names else None
    if words[-1] == ")" and "(" in words:
        words = words[:len(words) - 1 - words[::-1].index("(")]  # "the Office for National Statistics (ONS)"
    if len(words) > 2 and words[-1] == "." and words[-2].lower() in _NAME_PARTICLES:
        words = words[:-2]  # "Martin Luther King Jr." is named "Martin Luther King"
    linked, inside = _name_links(words)
    cut = next((i for i, w in enumerate(words) if w.lower() in _NP_PREPOSITIONS and i > 0 and i not in linked),
               len(words))
    name: list[str] = []
    for i in range(cut - 1, -1, -1):
        w = words[i]
        low = w.lower()
        if name and _possessive(w):
            if len(name) == 1 and name[0].lower() in lex.org_heads and w[0].isupper():
                name.append(w)  # a possessive in an organisation's name: "the Bankers' Association",
                continue  # "the US Trade Representative's Office"
            break  # the owner of the name: "Bank of England's Mervyn King"
        if i in linked or i in inside or (i + 1 in linked and low in lex.org_heads and w[0].isupper()):
            name.append(w)  # "Bank of England", "Ministry of Defence", "National Union of Journalists"
            continue
        if w == "&" and name and i > 0 and words[i - 1][0].isupper():
            name.append(w)  # "Marks & Spencer"
            continue
        if not w[0].isupper() or low in lex.determiners or w.endswith(("'s", "’s")) or (
                low in lex.source_nouns and not (i and low in lex.statement_nouns and words[i - 1][0].isupper())):
            break
        if low in lex.gender_words and (name or i == 0 or not words[i - 1][0].isupper()
                                        or words[i - 1].lower() in lex.gender_words):
            break  # "Mr", "the Queen"; but the surname in "Mervyn King"
        if name and low in lex.titles and low not in _NAME_PARTICLES:
            break  # "Dr Fox", "Prof Robin Lovell-Badge"
        name.append(w)
    name.reverse()
    if name and cut - len(name) > 0 and words[cut - len(name) - 1] == "to" and _a_major_place_or_body(name[0]):
        name = name[1:]  # "ambassador to Britain Liu Xiaming", "High Commissioner to Britain": the role's place
    if name and name[0].lower() in _NAME_LINKS:
        return _name_after_title(name[1:])  # "Secretary of State Mike Pompeo"
    if len(name) >= 3 and not linked:
        name = name[_given_names_start(name):]  # "Army Ranger Mike Jones"
    return " ".join(name) if name else None


def _first_name_run(words: list[str]) -> list[str]:
    """The first run of capitalised words, with the links `_name_links` keeps inside a name
    ("a statement from the Ministry of Defence on Tuesday" -> "Ministry of Defence"; not
    "White House Tuesday")."""
    linked, _ = _name_links(words)
    run: list[str] = []
    for i, w in enumerate(words):
        if w[0].isupper():
            run.append(_strip_possessive(w))
        elif run and i in linked:
            run.append(w)
        elif run:
            break
    return run


def _given_names_start(words: list[str]) -> int:
    """Where a person's name starts in a run of three or more capitalised words: at the
    given names just before the surname, when a capitalised word that is no given name stands
    before them ("Army Ranger Mike Jones" -> "Mike Jones", "Dallas Mavericks Mark Cuban" ->
    "Mark Cuban").  Given names from the first word on make one name ("Martin Luther King",
    "Ole Gunnar Solskjaer"); with no given name before the surname nothing is cut ("Hillary
    Rodham Clinton"), nor from an organisation's name ("New York Times")."""
    from .entities import fold, gazetteer  # loaded only for speakers with three capitalised words

    gaz = gazetteer()
    start = len(words) - 1
    while start > 0 and fold(words[start - 1]) in gaz.given_names:
        start -= 1
    if start in (0, len(words) - 1) or gaz.entry(fold(" ".join(words))) \
            or any(w.lower() in _lexicon().org_heads for w in words[start:]):
        return 0  # "New York Times", "Agence France Presse": one organisation's name
    return start


# Words of the titles list that are part of a name ("Ian St John", "Martin Luther King Jr"),
# and those that are courtesy, not a role (as "Mr" is not): "Dr Fox" has no role.
_NAME_PARTICLES = frozenset({"st", "jr", "sr"})
_HONORIFICS = frozenset({"dr", "prof", "rev", "mr", "mrs", "ms", "messrs"})

# Words that join the capitalised parts of one name: "Bank of England", "National Institute
# on Drug Abuse", "Council for Economic Education", "Chancellor of the Exchequer".
_NAME_LINKS = frozenset({"of", "on", "for"})


def _name_links(words: list[str]) -> tuple[frozenset[int], frozenset[int]]:
    """(links, inside): the indices of the words that join capitalised words into one name,
    and of the capitalised words after such a link, which belong to the name even when they
    are source nouns ("National Union of Journalists").  A link is "of", "on" or "for" (with
    a "the" after it) after an organisation's head or a title ("Bank of England", "Secretary
    of State"; not "Nicolas Sarkozy of France", a person and where he is from), "on" before
    a capitalised word that is no day ("War on Want"; not "Murray on Monday"), or "and"
    inside such a name ("Department of Health and Human Services", "MP for Sittingbourne and
    Sheppey"; not "Trump and Clinton", two names)."""
    lex = _lexicon()
    organisation = any(w.lower() in lex.org_heads for w in words)
    linked: set[int] = set()
    inside: set[int] = set()
    in_name = False  # after a link, within the same run of capitalised words
    for i in range(1, len(words)):
        low, before = words[i].lower(), words[i - 1]
        if not before[0].isupper() and i - 1 not in linked:
            in_name = False
        if in_name and words[i][0].isupper():
            inside.add(i)
        if i + 1 == len(words) or not before[0].isupper():
            continue
        head = before.lower()
        on_name = low == "on" and words[i + 1].lower() not in lex.time_words  # "War on Want"
        if not ((low == "and" and (organisation or in_name)) or on_name or (low in _NAME_LINKS and (
                in_name or head in lex.org_heads or (head in lex.source_nouns and not _plural([head]))))):
            continue
        after = i + 2 if low != "and" and words[i + 1].lower() == "the" else i + 1
        if after < len(words) and words[after][0].isupper():
            linked.update(range(i, after))
            in_name = True
    return frozenset(linked), frozenset(inside)


def _name_after_title(words: list[str]) -> str | None:
    """The person named after the complement of a title with "of": "State Mike Pompeo" ->
    "Mike Pompeo", "the Exchequer Rishi Sunak" -> "Rishi Sunak", "Homeland Security Kirstjen
    Nielsen" -> "Kirstjen Nielsen"; "State" alone -> None.  A complement is made of common
    English words (State, Defence, Foreign Affairs, Homeland Security), which names are not;
    a name may also start at a given name ("National Intelligence Dan Coats")."""
    from .entities import fold, gazetteer  # loaded only for the speakers that need it

    if words and words[0].lower() == "the":
        words = words[1:]
    n = len(words)
    if n < 2 or not all(w[0].isupper() for w in words[-2:]):
        return None  # "State", "Sittingbourne and Sheppey"
    common = gazetteer().common_words
    size = 0
    while size < min(3, n - 1) and words[n - 1 - size][0].isupper() and fold(words[n - 1 - size]) not in common:
        size += 1
    if size < 2 and n > 2:
        given = gazetteer().given_names
        size = next((n - s for s in range(max(1, n - 3), n - 1) if fold(words[s]) in given
                     and all(w[0].isupper() for w in words[s:])), size)
    return " ".join(words[n - size:]) if size else None


# The words of a speaker's noun phrase; initials keep their full stops ("Xbox frontman J.
# Allard", "Coach P.J. Fleck") and an owner its bare apostrophe ("Kenteris' lawyer").
_SPEAKER_WORD = re.compile(r"(?:[^\W\d_]\.)+(?=\s)|[^\W\d_][\w\-]*s['’](?=\s)|" + _TOKEN.pattern)


def _strip_possessive(word: str) -> str:
    if word.endswith(("s'", "s’")):
        return word[:-1]  # "Thomas'"
    return word[:-2] if word.endswith(("'s", "’s")) else word


_AGENT_LINKS = frozenset({"by", "from", "with"})


def _title(speaker: str, name: str | None) -> str | None:
    """The words before the name, when they are a role: "Fox News presenter"."""
    if not name or not speaker.endswith(name):
        return None
    title = speaker[: len(speaker) - len(name)].strip()
    words = title.split()
    while words and (words[0].lower() in _lexicon().determiners):
        words.pop(0)
    while words and words[-1].lower().rstrip(".") in _HONORIFICS:
        words.pop()  # "GW Pharma executive chairman Dr" Geoffrey Guy
    if not words or all(w.lower() in _lexicon().gender_words for w in words):
        return None
    if _possessive(words[-1]):
        return None  # the owner, not a role: "Atticus' David Slager"
    if words[-1].lower() in _lexicon().determiners or words[-1].lower() in _OBJECT_PREPOSITIONS \
            or words[-1].lower() in {"and", "or"} or any(w.lower() in _AGENT_LINKS for w in words):
        # the name is inside a phrase, not titled: "a survey by" Goldman Sachs, "Conservatives
        # and" Lib Dems, "a report by analysts" Forrester Research
        return None
    return " ".join(words)


def _gender(speaker: str, name: str | None) -> str:
    lex = _lexicon()
    words = speaker.split()
    if "'" in speaker or "’" in speaker:  # not the owner's words: "Mr Eavis' daughter Emily" is a woman
        words = words[next((i for i in range(len(words) - 1, -1, -1) if _possessive(words[i])), -1) + 1:]
    for w in words:
        g = lex.gender_words.get(w.lower().rstrip("."))
        if g:
            return g
    if name and " " in name:
        guess = _given_name_gender(name.split()[0])
        if guess in {"male", "female"}:
            return guess[0]
    return "x"


@lru_cache(maxsize=8192)
def _given_name_gender(name: str) -> str:
    """gender-guesser's answer for a given name ("male", "female", "andy", "unknown", …),
    worked out for every name of its table when the gazetteer is built."""
    from .entities import gazetteer

    return gazetteer().given_name_genders.get(name.lower(), "unknown")


@dataclass
class _Known:
    name: str
    gender: str
    role: str | None
    description: str  # the lower-cased title words, for matching descriptions
    speaker: str  # as written where the name was first given

    @property
    def may_be_person(self) -> bool:
        return self.gender in {"m", "f"} or (_may_be_person(self.name, self.speaker)
                                             and not _role_of_an_organisation(self.role))


_NOT_PEOPLE = frozenset({"GPE", "ORG", "NORP", "LOC", "FAC"})


def _role_of_an_organisation(role: str | None) -> bool:
    """Does the role say the speaker is a body ("The group that owns most of her music, Big
    Machine, says")?  The head of its first noun phrase is an organisation noun ("bank
    governor" is a person)."""
    if not role:
        return False
    phrase = list(takewhile(lambda w: w not in _ROLE_PHRASE_ENDS, role.lower().replace(",", " ,").split()))
    return bool(phrase) and phrase[-1] in _lexicon().org_nouns


_ROLE_PHRASE_ENDS = frozenset({"that", "which", "who", "whose", "of", "for", "at", "in", "from", "with", ","})


@lru_cache(maxsize=4096)
def _may_be_person(name: str, speaker: str) -> bool:
    """Could a named speaker of unknown gender be a person, whom "he" or "she" stands for?
    Not an organisation's name ("National Institute on Drug Abuse"), an acronym ("US",
    "BBC"), a name written after "the" ("The Kremlin", "the Sioux Falls Argus Leader"), a
    statement ("A Taliban statement"), a common English word ("Immigration"), nor a country,
    body or people the gazetteer knows ("Taliban", "Kabul"), unless the name is also a given
    name ("Jordan")."""
    lex = _lexicon()
    words = _SPEAKER_WORD.findall(speaker)
    lowered = [w.lower() for w in words]
    if any(w in lex.statement_nouns for w in lowered) or any(w.lower() in lex.org_heads for w in name.split()):
        return False
    if len(name) > 1 and name.replace(".", "").isupper():
        return False
    first = name.split()[0]
    at = next((i for i, w in enumerate(words) if _strip_possessive(w) == first), None)
    if at and lowered[at - 1] == "the":
        return False
    from .entities import fold, gazetteer  # loaded only when a pronoun needs it

    gaz = gazetteer()
    key = fold(name)
    if key in gaz.given_names:
        return True
    if " " not in key and key in gaz.common_words:
        return False  # "Immigration", "Demonstrators", "Three-quarters": no surname
    return not _a_major_place_or_body(name)


def _a_major_place_or_body(name: str) -> bool:
    """Does the gazetteer know the name as a major country, place, organisation or people
    ("Microsoft", "Kabul", "Taliban")?"""
    from .entities import MAJOR, fold, gazetteer

    entry = gazetteer().entry(fold(name))
    return bool(entry) and entry[0] in _NOT_PEOPLE and entry[2] == MAJOR


# How many earlier named speakers a pronoun or description looks back over (and how many
# later ones a description looks ahead to): resolution stays linear on long inputs.
_RESOLUTION_WINDOW = 12


def _resolve(drafts: list[_Draft], names: _NameIndex,
             sentences: _SentenceNames | None = None) -> list[tuple[str | None, str | None]]:
    """(speaker_resolved, role) for each draft of one article, in order."""
    lex = _lexicon()
    known: list[_Known] = []
    known_at: list[int] = []  # index of the draft that last named each known speaker, ascending
    out: list[tuple[str | None, str | None]] = []

    def remember(entry: _Known, i: int) -> _Known:
        """Make a named speaker the most recent one (again); returns the entry kept."""
        for j in range(len(known) - 1, max(-1, len(known) - 1 - _RESOLUTION_WINDOW), -1):
            if known[j].name == entry.name:
                first = known[j]
                del known[j], known_at[j]
                first.role = first.role or entry.role
                first.description = first.description or entry.description
                first.gender = entry.gender if first.gender == "x" else first.gender
                entry = first
                break
        known.append(entry)
        known_at.append(i)
        return entry

    for i, d in enumerate(drafts):
        if i and d.speaker_at is not None and d.speaker_at == drafts[i - 1].speaker_at:
            out.append(out[-1])  # "he claimed, saying …": the same speaker
            continue
        resolved, role = None, d.role
        speaker = d.speaker or ""
        low = speaker.lower()
        name = _name_part(speaker) if speaker else None
        recent = known[-_RESOLUTION_WINDOW:]
        if name:
            resolved = _full_name(name, d.segments[0].line, recent, names)
            title = _title(speaker, name)
            role = role or title
            remember(_Known(resolved, _gender(speaker, resolved), role, (title or role or "").lower(), speaker), i)
        elif low in lex.pronouns and (lex.pronouns[low] != "x" or d.nested):
            # "I" and "you" name someone only inside another speaker's quotation; outside
            # one they are the writer and the reader, whoever was quoted last.
            gender = lex.pronouns[low]
            subject = sentences.subject_before(*d.speaker_at, gender, names, _content_after_speaker(d)) \
                if sentences is not None and d.speaker_at is not None and gender in {"m", "f"} else None
            if subject:
                subject.name = _full_name(subject.name, d.segments[0].line, recent, names)
                subject = remember(subject, i)
            match = subject or _pronoun_antecedent(gender, recent)
            if match:
                resolved, role = match.name, role or match.role
        elif _is_description(speaker):
            match = _described(speaker, reversed(recent))
            if match is None and _names_a_person_by_age_or_kind(speaker):
                # "the 21-year-old told Cadena Cope": the person named last, quoted or not
                person = names.person_before(d.speaker_at[0] if d.speaker_at else d.segments[0].line)
                match = next((k for k in reversed(recent) if k.name == person), None) if person \
                    else _pronoun_antecedent("x", recent)
                resolved = person
            if match:
                resolved, role = match.name, role or match.role
                remember(match, i)  # "the cardinal will ask …; "…," he will say": the cardinal
        out.append((resolved, role))
    # a description may be named later in the article ("A nuclear nonproliferation expert has
    # warned …" then "Nuclear nonproliferation expert Jeffrey Lewis warned …")
    for i, d in enumerate(drafts):
        if out[i][0] is None and _is_description(d.speaker or ""):
            later = bisect.bisect_right(known_at, i)
            match = _described(d.speaker, known[later:later + _RESOLUTION_WINDOW], min_words=2)
            if match:
                out[i] = (match.name, out[i][1] or match.role)
            elif sentences is not None and d.speaker_at and _describes_organisation(d.speaker):
                out[i] = (sentences.organisation_before(*d.speaker_at)
                          or _organisation_speaker_before(d.speaker, known[max(0, later - 3):later]), out[i][1])
    return out


def _organisation_speaker_before(speaker: str, recent: list[_Known]) -> str | None:
    """The organisation that "the company" or "the bank" stands for when no name opens the
    sentence before: among the last few named speakers, the nearest that is no person and
    no place ("Nationwide said …; the bank said …").  A plural ("the firms") or a longer
    description ("a spokesman for the firm") names no one here."""
    words = speaker.split()
    if len(words) != 2 or _plural(words[-1:]):
        return None
    match = _pronoun_antecedent("n", recent)
    if match is None or not match.name or _place_or_common_word(match.name):
        return None
    outlet = match.name.removeprefix("The ")
    if (outlet in _outlet_names() or outlet in _wire_agencies()) \
            and words[-1].lower() not in _outlet_nouns():
        return None  # an outlet quoted as a source is not "the company" the story is about
    return match.name


@cache
def _wire_agencies() -> frozenset[str]:
    return data_set("claims_wire_agencies.txt")


def _place_or_common_word(name: str) -> bool:
    """"UK", "China" (places), "Unions", "Speculation" (a capitalised sentence opener)."""
    from .entities import fold, gazetteer

    entry = gazetteer().entry(fold(name))
    if entry:
        return entry[0] in {"GPE", "LOC", "NORP", "FAC"}
    return " " not in name and not name.isupper() and _capital_only_opens(name)


def _content_after_speaker(d: _Draft) -> bool:
    """Does the claim start after its speaker, so that a name before the speaker is not
    part of the claim ("Mr Blair has failed, he claimed")?"""
    first = d.segments[0]
    return d.speaker_at is not None and (first.line, first.start) > d.speaker_at


@lru_cache(maxsize=4096)
def _describes_organisation(speaker: str) -> bool:
    """A definite description of an organisation: "the armed group", "The company's
    statement", "a statement from the group" (not "a group", "the group of residents")."""
    written = _TOKEN.findall(speaker)
    if any(w[0].isupper() for w in written[1:]):
        return False  # a name: "The International Atomic Energy Agency"
    words = [_strip_possessive(w).lower() for w in written]
    org_nouns = _lexicon().org_nouns
    return "the" in words and any(w in org_nouns and (i + 1 == len(words) or words[i + 1] != "of")
                                  for i, w in enumerate(words))


def _owns_the_head(phrase: str, name: str) -> bool:
    """Is `name` the owner of what the phrase names ("Steenburgen's son", "Mrs Blair's
    remarks"), not the person it names?"""
    at = phrase.find(name)
    return at >= 0 and phrase.startswith(("'", "’"), at + len(name)) and bool(phrase[at + len(name):].split()[1:])


def _pronoun_antecedent(gender: str, recent: list[_Known]) -> _Known | None:
    """The nearest earlier named speaker of the pronoun's gender; failing that, the nearest
    one whose gender is unknown and who may be a person (never "The US" for "he").  "It"
    stands for the nearest named speaker that is no person ("the UNECE said …; it said");
    plural pronouns stay unresolved."""
    if gender == "n":
        return next((k for k in reversed(recent) if not k.may_be_person), None)
    if gender not in {"m", "f", "x"}:
        return None
    for k in reversed(recent):
        if k.gender == gender or (gender == "x" and k.may_be_person):
            return k
        if k.gender == "x" and k.may_be_person and _introduced_as_person(k):
            return k  # "Eswar Prasad, a trade professor at Cornell, said …; "…," he said"
    for k in reversed(recent):
        if k.gender == "x" and k.may_be_person:
            return k
    return None


@cache
def _person_words() -> frozenset[str]:
    """Role nouns and one-word titles that only a person bears ("professor", "analyst",
    "Dr"), from the entity tagger's tables."""
    titles = {t.lower().rstrip(".") for t in data_lines("entities_titles.txt") if " " not in t}
    return data_set("entities_person_cues.txt", lower=True) | titles


def _introduced_as_person(known: _Known) -> bool:
    """Was a speaker whose given name tells no gender ("Eswar Prasad", "Zippy Duvall")
    written with a person's role or title ("a trade professor at Cornell", "Dr")?  Then
    he or she is the nearest antecedent a pronoun can have, as a reader takes it, even
    when a speaker of the pronoun's gender was named before; a bare name may be a firm's
    ("Napster", "Yukos") and waits behind the gendered speakers."""
    words = _person_words()
    return any(w.strip(",.()'’").removesuffix("'s").removesuffix("’s").rsplit("-", 1)[-1] in words
               for w in f"{known.description} {known.speaker.lower()}".split())


@lru_cache(maxsize=4096)
def _is_description(speaker: str) -> bool:
    """A singular noun phrase without a name ("the commando", "a nuclear expert")."""
    words = speaker.split()
    return bool(words) and speaker.lower() not in _lexicon().pronouns and not _plural(words) \
        and _name_part(speaker) is None


def _described(speaker: str, candidates, min_words: int = 1) -> _Known | None:
    """The named speaker whose title holds every content word of a description."""
    content_words = _content_words(speaker)
    if len(content_words) < min_words:
        return None
    for k in candidates:
        if k.description and content_words <= _word_set(k.description) \
                and not (_word_set(k.description) - content_words) & _role_modifiers():
            return k
    return None


@cache
def _role_modifiers() -> frozenset[str]:
    return data_set("claims_role_modifiers.txt")


_AGE = regex.compile(r"\d{1,3}-year-old")


def _names_a_person_by_age_or_kind(speaker: str) -> bool:
    """A description that fits whoever was named last, as long as it is a person: an age
    ("the 21-year-old") or a word such as "the teenager" (data/claims_person_descriptions.txt)."""
    words = speaker.lower().split()
    return len(words) == 2 and words[0] == "the" and (
        bool(_AGE.fullmatch(words[1])) or words[1] in _lexicon().person_descriptions)


@lru_cache(maxsize=4096)
def _content_words(speaker: str) -> frozenset[str]:
    """The lower-cased words of a description without its determiners (asked once per
    speaker however many claims it has)."""
    return frozenset({w.lower() for w in speaker.split()} - _lexicon().determiners)


@lru_cache(maxsize=4096)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _plural(words: list[str]) -> bool:
    head = words[0].lower() if len(words) == 1 else None
    for w in words:
        if w.lower() in _NP_PREPOSITIONS:
            break
        head = w.lower()
    return bool(head) and head.endswith("s") and not head.endswith("ss") and head in _lexicon().source_nouns


_NAME_RUN = regex.compile(r"\p{Lu}[\p{L}\p{M}\-]*+(?:\s\p{Lu}[\p{L}\p{M}\-]*+){1,5}")


# Words that open a sentence before a name and are no part of it ("But Mr Boyd", "Said Mr X").
_SENTENCE_OPENERS = frozenset({"but", "and", "so", "yet", "or", "then", "still", "however", "meanwhile",
                               "now", "although", "though", "while", "even", "when", "said", "also", "as",
                               "if", "since", "because", "after", "before", "instead", "indeed"})


@cache
def _not_in_full_names() -> frozenset[str]:
    """Titles and roles that a person's full name in a run of capitalised words comes after
    ("Attorney General Lord Goldsmith", "Finance Minister Palaniappan Chidambaram")."""
    lex = _lexicon()
    return _before_names() | _HONORIFICS | lex.source_nouns | lex.titles


@cache
def _courtesy_titles() -> frozenset[str]:
    """Titles written before a person's surname ("Prof Reddy", "Lord Goldsmith", "Sheikh
    Hasina"): the entity tagger's one-word titles that are not also heads of a source's noun
    phrase, which open organisations' names too ("General Motors", "Police Federation")."""
    lex = _lexicon()
    return _before_names() | _HONORIFICS | lex.titles | frozenset(
        t.lower().rstrip(".") for t in data_lines("entities_titles.txt") if " " not in t) - lex.source_nouns


@cache
def _before_names() -> frozenset[str]:
    """Words that open a run of capitalised words without being part of the name in it."""
    lex = _lexicon()
    return lex.determiners | frozenset(lex.gender_words) | _SENTENCE_OPENERS | _NP_PREPOSITIONS | _PHRASE_PREPOSITIONS


_LINE_NUMBER = attrgetter("number")


def _opens_sentence(text: str, start: int) -> bool:
    """Does the word at `start` open a sentence: nothing before it but spaces and opening
    quote marks, back to the line start or a sentence end (with its closing marks)?"""
    i = start
    while i and text[i - 1] in " \"“‘'(":
        i -= 1
    while i and text[i - 1] in "\"”’')":
        i -= 1
    return not i or text[i - 1] in ".!?…:;"


@lru_cache(maxsize=4096)
def _capital_only_opens(word: str) -> bool:
    """Is a capitalised word a frequent English word and no given name ("Again",
    "Following", "Recent")?  At a sentence start it is capitalised only because it opens the
    sentence, and no part of a name that follows it, when that name is no frequent word
    itself ("Fort Worth", "Home Office", "President Bush" stay whole)."""
    from .entities import fold, gazetteer  # loaded only when a surname is looked up

    gaz, key = gazetteer(), fold(word)
    return key in gaz.common_words and key not in gaz.given_names


class _NameIndex:
    """Full names (two or three capitalised words) of an article by their last word, with
    the line they appear on.  The first few surnames are looked up in the lines that hold
    them; past that the whole article is indexed once, so look-ups stay linear."""

    SCANS = 8  # surnames looked up one by one before the whole article is indexed

    def __init__(self, lines: list) -> None:
        self.lines = lines
        self._by_last: dict[str, list[tuple[int, str]]] = {}
        self._by_line: dict[int, list[tuple[str, int, str]]] = {}  # a line's runs, read once
        self._complete = False

    def _runs(self, ln) -> list[tuple[str, int, str]]:
        """(last word, line, full name) of the name runs of line `ln`."""
        runs = self._by_line.get(ln.number)
        if runs is None:
            before_names, titles, courtesy = _before_names(), _not_in_full_names(), _courtesy_titles()
            capitalised_openers, prepositions = _time_openers().capitalised, _time_openers().prepositions
            source_nouns = _lexicon().source_nouns
            runs = self._by_line[ln.number] = []
            for m in _NAME_RUN.finditer(ln.text):
                words = m.group().split()
                if words[0] in capitalised_openers:
                    before = ln.text[max(0, m.start() - 4):m.start()].split()
                    del words[:_leading_date(words, bool(before) and before[-1].lower() in prepositions)]
                if len(words) > 1 and _capital_only_opens(words[0]) and not _capital_only_opens(words[1]) \
                        and _opens_sentence(ln.text, m.start()) \
                        and words[0].lower() not in courtesy and words[0].lower() not in source_nouns:
                    del words[0]  # "Again Roddick said", "Following Assange's arrest": no part of the name
                if len(words) < 2:
                    continue  # "On Tuesday Intel": no full name
                if words[-1].lower() in titles:
                    continue  # "Lord Chief Justice", "Attorney General": no name
                first = len(words) - 1
                while first and words[first - 1].lower().rstrip(".") not in titles:
                    first -= 1
                if len(words) - first < 2:  # one word after the last title
                    if first and words[first - 1].lower().rstrip(".") in courtesy:
                        continue  # "On Tuesday Mr Kennedy", "Prof Reddy": no given name
                    first = 0  # a title in an organisation's name: "General Motors", "Police Federation"
                    while first < len(words) and words[first].lower() in before_names:
                        first += 1  # "The", "But Mr Boyd", "Now Wilson", "In Prince Andrew's interview"
                if len(words) - first >= 2:  # "Finance Minister Palaniappan Chidambaram": after the title
                    runs.append((words[-1], ln.number, " ".join(words[first:])))
        return runs

    def _seen(self, surname: str) -> list[tuple[int, str]]:
        if not self._complete and surname not in self._by_last:
            if len(self._by_last) < self.SCANS:
                self._by_last[surname] = [(n, name) for ln in self.lines if surname in ln.text
                                          for last, n, name in self._runs(ln) if last == surname]
            else:
                self._by_last = {}
                for ln in self.lines:
                    for last, n, name in self._runs(ln):
                        self._by_last.setdefault(last, []).append((n, name))
                self._complete = True
        return self._by_last.get(surname, [])

    LOOKBACK = 4  # paragraphs before a description where the person it stands for is named

    def person_before(self, line: int) -> str | None:
        """The first full name whose first word is a given name (a person, not "Barcelona
        Football Club") in the nearest of the few paragraphs before `line` that has one.
        The description's own paragraph is skipped: a name there is mostly quoted or the
        one spoken to."""
        paragraphs = 0
        for i in range(bisect.bisect_left(self.lines, line, key=_LINE_NUMBER) - 1, -1, -1):
            ln = self.lines[i]
            people = [name for _, _, name in self._runs(ln) if _given_name_gender(name.split()[0]) != "unknown"]
            if people:
                return people[0]  # the subject, mostly: "Comedian Peter Serafinowicz dubbed Trump …"
            paragraphs += bool(ln.text.strip())
            if paragraphs == self.LOOKBACK:
                break
        return None

    def nearest(self, surname: str, line: int) -> str | None:
        """The full name ending in `surname` nearest before `line` (else the first after)."""
        seen = self._seen(surname)
        if not seen:
            return None
        i = bisect.bisect_right(seen, (line, "\uffff"))
        words = (seen[i - 1][1] if i else seen[0][1]).split()
        return " ".join(words[_given_names_start(words):] if len(words) >= 3 else words)  # not "CEO Marc Benioff"


class _SentenceNames:
    """Names in the sentence of a speaker, found by the entity tagger once per sentence and
    only in the sentences that a description or a pronoun needs, so the cost stays small
    and linear.

    * The organisation a description such as "the armed group" stands for: the first one
      named in the same sentence before it ("The Taliban has captured Kunduz, the armed group
      said"), else the one that opens the sentence before ("Apple shares fell on Monday. The
      company said …").  Further back the text seldom makes the link plain (PolNeAR dev: the
      organisation named most often in the paragraphs before was wrong four times in six),
      so the description stays unresolved.
    * The person "he" or "she" stands for when the same sentence names one before it as the
      subject of an opening clause ("When Afghan President Ashraf Ghani first announced the
      exchange, he said …"): nearer than any earlier speaker."""

    CHARS = 3000  # the longest sentence read; a speaker with no sentence start nearer stays unresolved
    OPENING = 160  # how far into its sentence a person may stand to open it (conjunction and titles)

    def __init__(self, source: str, lines: list) -> None:
        self.source = source
        self.lines = lines
        self._index: dict[int, int] | None = None
        self._named: dict[tuple[int, int], list[tuple[int, str, str]]] = {}
        self._line_sentence_ends: dict[int, tuple[list[int], list[int]]] = {}

    def _line_index(self, line: int) -> int | None:
        """Index among the content lines of line number `line` (the table is made for the
        articles that have a speaker to resolve)."""
        if self._index is None:
            self._index = {ln.number: i for i, ln in enumerate(self.lines)}
        return self._index.get(line)

    def _in_sentence(self, i: int, start: int, kind: str) -> list[tuple[int, str]]:
        """(offset, name) of the names of type `kind` (ORG, PERSON) in the sentence that
        starts at `start` on content line i: an organisation by its canonical name, a person
        as written (a surname the gazetteer also knows as a place is still the person's:
        "Mr Hague", not "The Hague")."""
        key = (i, start)
        if key not in self._named:
            from . import entities  # loaded only for the articles that need it

            ln = self.lines[i]
            limit = min(len(ln.text), start + self.CHARS)
            end = next((m.end() for m in _SENTENCE_END.finditer(ln.text, start + 1, limit)), limit)
            sentence = Line(ln.number, ln.text[start:end], ln.kind)
            self._named[key] = [(start + m.start, m.type, m.text if m.type == "PERSON" else m.canonical or m.text)
                                for m in entities.extract_entities([Article(self.source, 1, [sentence])])
                                if m.type in {"ORG", "PERSON"}]
        return [(at, name) for at, typ, name in self._named[key] if typ == kind]

    def _sentence_ends(self, i: int, offset: int) -> tuple[list[int], int] | None:
        """The sentence ends before `offset` on content line i, and the floor searched from;
        None when the sentence is too long to read."""
        floor = max(0, offset - self.CHARS)
        spans = self._line_sentence_ends.get(i)
        if spans is None:  # found once per line however many speakers it has
            found = _sentence_end_spans(self.lines[i].text)
            spans = self._line_sentence_ends[i] = ([start for start, _ in found], [end for _, end in found])
        starts, ends = spans
        last = bisect.bisect_left(starts, offset)
        while last and ends[last - 1] > offset:
            last -= 1
        ends = ends[bisect.bisect_left(starts, floor):last]
        return None if not ends and floor else (ends, floor)

    def organisation_before(self, line: int, offset: int) -> str | None:
        i = self._line_index(line)
        found = self._sentence_ends(i, offset) if i is not None else None
        if found is None:
            return None
        ends, floor = found
        text = self.lines[i].text
        current = ends[-1] if ends else 0
        if _OPENS_WITH_NAME.match(text, current) or _CAPITALISED.search(text, _after_first_word(text, current), offset):
            named = self._in_sentence(i, current, "ORG")
            if named and named[0][0] < offset:
                return named[0][1]
        if len(ends) >= 2 or (ends and not floor):
            previous = (i, ends[-2] if len(ends) >= 2 else 0)
        elif i and not ends:
            before = self.lines[i - 1].text
            starts = [m.end() for m in _SENTENCE_END.finditer(before, max(0, len(before) - self.CHARS))]
            if not starts and len(before) > self.CHARS:
                return None
            previous = (i - 1, starts[-1] if starts else 0)
        else:
            return None
        opening = self.lines[previous[0]].text
        if not _OPENS_WITH_NAME.match(opening, previous[1]):
            return None  # "The company said …": no name opens the sentence
        named = self._in_sentence(*previous, "ORG")
        if not named:
            return None
        start, name = named[0]
        lead = self.lines[previous[0]].text[previous[1]:start].split()
        if not lead or (len(lead) == 1 and lead[0].lower() in _lexicon().determiners):
            return name  # "The Taliban …", "Apple shares …"
        return None

    def subject_before(self, line: int, offset: int, gender: str, names: _NameIndex,
                       content_after: bool) -> _Known | None:
        """The person of the pronoun's gender (or of unknown gender) that opens a clause of
        the same sentence before the pronoun at (line, offset), after nothing but a
        conjunction and titles: "When Afghan President Ashraf Ghani first announced …, he
        said".  A person after a preposition or a verb is not the subject ("In an interview
        with Jake Tapper, he said", "After meeting Vladimir Putin, he said"), and a sentence
        with a quotation before the pronoun is left to the earlier speakers unless it opens
        with the quotation.  When the pronoun opens its sentence, or follows only what was
        said ('"…," he said', "The sale had been badly handled, he said"), the person who opens
        the sentence before in the same paragraph is the subject the writer carries on with
        ("Trump sent a similar message. "…," he said"), unless that sentence reports someone's
        words itself; further back the earlier speakers decide."""
        i = self._line_index(line)
        found = self._sentence_ends(i, offset) if i is not None else None
        if found is None:
            return None
        text = self.lines[i].text
        ends, floor = found
        start = ends[-1] if ends else floor
        opening = text[start:offset].strip()
        if opening and (all(w.strip(",").lower() in _SENTENCE_OPENERS for w in opening.split())
                        or _only_a_time_phrase(opening)):
            opening = ""  # "But he told …", "Later that evening, he admitted …": the pronoun opens its sentence
        reported = not content_after and not _QUOTE_MARK.match(opening)  # "Mr Blair has failed, he claimed"
        if content_after:
            if _QUOTE_MARK.search(text, start, offset):
                return None
            if opening:
                return self._opening(i, start, offset, gender, {gender, "x"}, names)
        if not (len(ends) >= 2 or (ends and not floor)):
            return None  # the sentence opens the paragraph
        before = ends[-2] if len(ends) >= 2 else 0
        if reported and _cue_words(text[before:start].lower()):
            return None  # "Mr Bush's re-election came at a crucial time, Mr Blair said. It had to …, he added"
        # a sentence away, only a person the name shows to be of the pronoun's gender
        return self._opening_phrase(i, before, start, gender, names)

    def _opening(self, i: int, start: int, limit: int, gender: str, genders: set[str],
                 names: _NameIndex) -> _Known | None:
        """The person who opens the sentence at `start`: a surname (with its courtesy title)
        the article gives in full is read without the entity tagger, which is asked only
        about the other sentences."""
        return (self._opening_surname(i, start, limit, gender, genders, names)
                or self._opening_person(i, start, limit, gender, genders))

    def _opening_phrase(self, i: int, start: int, limit: int, gender: str, names: _NameIndex) -> _Known | None:
        """The person of the pronoun's gender whom the sentence at `start` opens with, read
        as a speaker's noun phrase after conjunctions and a leading time phrase: capitalised
        words, titles and source nouns ("Tory leader Michael Howard accused …", "On
        Wednesday, Mr Mallon provoked …", "Kenteris' lawyer Gregory Ioannidis told …"), the
        name in an apposition to a title ("The Attorney General, Lord Goldsmith, has …"), or
        the owner of what opens it ("Mrs Blair's remarks are said …"); not "The Scotland
        coach", "Apple shares"."""
        lex = _lexicon()
        text = self.lines[i].text
        if not self._may_open_with_name(text, start, limit):
            return None  # "He said …", "The 28-year-old …": not tokenised
        tokens = _tokenize(text, [], start, min(limit, start + self.OPENING))
        n = len(tokens.words)
        k = 0
        while k < n and (tokens.lower[k] in _SENTENCE_OPENERS or tokens.words[k] == ","):
            k += 1
        if k < n and tokens.lower[k] in _PHRASE_PREPOSITIONS:
            comma = next((c for c in range(k + 1, min(n, k + 12)) if tokens.words[c] == ","), None)
            k = comma + 1 if comma is not None else k  # "On Wednesday, Mr Mallon …"
        if k < n:
            k = _past_time_phrase(tokens, k, n)  # "On Monday Tony Blair insisted …"
        end = self._phrase_end(tokens, k)
        phrase = tokens.span_text(k, end)
        candidates = [(phrase, None)]
        if end + 1 < n and tokens.words[end] == ",":
            named = end + 1  # "The Attorney General, Lord Goldsmith,"; "Her son, filmmaker Charlie McDowell,"
            while named < min(n, end + 4) and tokens.wordy[named] and not tokens.cap[named]:
                named += 1
            after = self._phrase_end(tokens, named)
            if after > named and after < n and tokens.words[after] in (",", "("):  # "…, filmmaker Charlie McDowell (…)"
                role = " ".join(w for w in phrase.split() if w.lower() not in lex.determiners)
                candidates.append((tokens.span_text(end + 1, after), role or None))
        if phrase.endswith(("'", "’", "'s", "’s")):
            candidates.append((_strip_possessive(phrase.rstrip("'’")), None))  # "Mrs Blair's remarks"
        for speaker, role in candidates:
            name = _name_part(speaker) if speaker else None
            if not name or _owns_the_head(speaker, name):
                continue
            full = name
            before = speaker[:len(speaker) - len(name)].split()
            courtesy = before[-1].lower().rstrip(".") if before else ""
            titled = courtesy in lex.gender_words or courtesy in _HONORIFICS
            if " " not in name:
                nearest = names.nearest(name, self.lines[i].number)
                if nearest and not any(w.lower() in _HONORIFICS or w.lower() in lex.gender_words
                                       for w in nearest.split()):
                    full = nearest  # not "Under Mr Brown", "Lord Chief Justice"
                elif not titled:
                    continue  # a lone word is a name after "Mr", "Lord", "sister", not in "Lord Chief Justice"
            if _gender(f"{role} {speaker}" if role else speaker, full) == gender and (
                    _may_be_person(full, speaker) or (titled and not _a_major_place_or_body(full))):  # "Ms King"
                title = role or _title(speaker, name)
                return _Known(full, gender, title, (title or "").lower(), speaker)
        return None

    @staticmethod
    def _phrase_end(tokens: _Tokens, k: int) -> int:
        """End of the run of capitalised words, titles, source nouns and possessives from k;
        after a possessive the run goes on to the name it leads to ("Mr Brown's former
        advisor Ed Balls", "Edwards' sister Rachel")."""
        lex = _lexicon()
        end, n = k, len(tokens.words)
        while end < n:
            word, low = tokens.words[end], tokens.lower[end]
            if tokens.wordy[end] and (tokens.cap[end] or low in lex.source_nouns or low in lex.gender_words
                                      or (end == k and low in lex.determiners)):
                end += 1
            elif end > k and (_title_dot(tokens, end) or (word in {"'", "’"} and tokens.lower[end - 1].endswith("s"))):
                end += 1
            else:
                break
            if _possessive(tokens.words[end - 1]) or tokens.words[end - 1] in {"'", "’"}:
                named = next((x for x in range(end, min(n, end + 4)) if tokens.cap[x] or not tokens.wordy[x]), n)
                if named < n and tokens.cap[named] and tokens.wordy[named]:
                    end = named  # over "former advisor" to "Ed Balls"
        return end

    def _opening_person(self, i: int, start: int, limit: int, gender: str, genders: set[str]) -> _Known | None:
        """The person the entity tagger finds opening a clause of the sentence at `start` on
        content line i, before `limit`, whose name is of one of `genders`."""
        text = self.lines[i].text
        if not _CAPITALISED.search(text, _after_first_word(text, start), min(limit, start + self.OPENING)) \
                or not self._may_open_with_name(text, start, limit) \
                or ("x" not in genders and not self._shows_gender(text, start, limit)):
            return None  # the tagger is not asked about a sentence no name can open
        lex = _lexicon()
        for at, name in reversed(self._in_sentence(i, start, "PERSON")):
            if at >= limit or at - start > self.OPENING:
                continue
            lead = text[start:at].split()
            titles: list[str] = []
            while lead and ((lead[-1][0].isupper() and lead[-1].lower() not in _SENTENCE_OPENERS)
                            or lead[-1].lower() in lex.source_nouns):
                titles.append(lead.pop())  # "Afghan President", "the Afghan president"
            titles.reverse()
            del titles[:_leading_date([*titles, name], bool(lead) and lead[-1].lower() in _time_openers().prepositions)]
            if lead and lead[-1].lower() in lex.determiners:
                lead.pop()  # "When the Afghan president Ashraf Ghani"
            if not all(w.lower().strip(",") in _SENTENCE_OPENERS for w in lead):
                continue  # "Asked if Mr Blunkett could return, he replied"
            written = " ".join([*titles, name])
            if _gender(written, name) in genders and _may_be_person(name, written):  # not "Microsoft"
                title = _title(written, name)  # the pronoun tells the gender the name may not
                return _Known(name, gender, title, (title or "").lower(), written)
        return None

    def _may_open_with_name(self, text: str, start: int, limit: int) -> bool:
        """Can a name open a clause of the sentence at `start`: does a capitalised word come
        before any word that is no conjunction, determiner or title noun ("The 28-year-old
        …", "It was …", "Officials said …" cannot; "When the Afghan president Ashraf Ghani
        …" can)?"""
        lex = _lexicon()
        for word in text[start:min(limit, start + self.OPENING)].split():
            low = word.lower().strip(",")
            if low in _SENTENCE_OPENERS or low in lex.determiners or low in lex.source_nouns:
                continue
            return word[0].isupper() and low not in lex.pronouns
        return False

    def _shows_gender(self, text: str, start: int, limit: int) -> bool:
        """Does a word near the start of the sentence tell a gender (a title such as "Mr" or
        "spokeswoman", or a given name), as a person a sentence away must?"""
        lex = _lexicon()
        for word in _CUE_WORD.findall(text, start, min(limit, start + self.OPENING + 40)):
            if word.lower() in lex.gender_words or (
                    word[0].isupper() and _given_name_gender(word) in {"male", "female"}):
                return True
        return False

    def _opening_surname(self, i: int, start: int, limit: int, gender: str, genders: set[str],
                         names: _NameIndex) -> _Known | None:
        """The person a sentence opens with by surname alone or after a courtesy title ("When
        Carlineo was approached, …", "Buckley, who hadn't sung in years, …", "Mr Hague, 43,
        …"), which the entity tagger cannot type in one sentence: the article's full name
        with that last word, if it may be a person of the pronoun's gender.  A possessive
        ("Steenburgen's son") is not the subject."""
        lex = _lexicon()
        words = self.lines[i].text[start:min(limit, start + self.OPENING)].split()
        k = 0
        while k < len(words) and words[k].lower().strip(",") in _SENTENCE_OPENERS:
            k += 1
        courtesy = k < len(words) and words[k].lower().rstrip(".") in _HONORIFICS
        k += courtesy
        if k + 1 >= len(words):
            return None
        surname = words[k].removesuffix(",")
        if not (surname.isalpha() and surname[0].isupper() and (surname != words[k] or words[k + 1][0].islower())):
            return None
        if surname.lower() in lex.determiners or surname.lower() in lex.pronouns:
            return None
        full = names.nearest(surname, self.lines[i].number)
        if full is not None and any(w.lower() in _HONORIFICS for w in full.split()):
            return None  # a name run such as "Under Mr Brown" gives no given name
        if full is None or " " not in full or _a_major_place_or_body(surname) or not _may_be_person(full, full) \
                or _gender(" ".join(words[k - courtesy:k]) + " " + full, full) not in genders:
            return None  # "Microsoft had delivered kits to EA, he said": a company the article names in full
        return _Known(full, gender, None, "", surname)


_CAPITALISED = regex.compile(r"\p{Lu}")
# A sentence opening with a name, after at most a determiner ("Apple shares …", "The Taliban …").
_OPENS_WITH_NAME = regex.compile(r"\s*+[\"“‘'(]?+(?:(?:The|A|An)\s++)?+\p{Lu}")


def _after_first_word(text: str, start: int) -> int:
    """Offset after the first word at `start`, whose capital only opens the sentence."""
    m = _FIRST_WORD.match(text, start)
    return m.end() if m else start


_FIRST_WORD = regex.compile(r"\s*+\S++")


def _full_name(name: str, line: int, known: list[_Known], names: _NameIndex) -> str:
    """A one-word name ("Lewis", "Scott") becomes the nearest full name with that last word:
    first among earlier speakers, then among the article's capitalised word runs."""
    if " " in name:
        return name
    for k in reversed(known):
        if k.name.endswith(" " + name):
            return k.name
    return names.nearest(name, line) or name


# --------------------------------------------------------------------------- driver


def extract_claims(articles: list[Article]) -> list[Claim]:
    """Attributed statements of one source's articles, in article, line and offset order."""
    claims: list[Claim] = []
    for article in articles:
        content_lines = article.content()
        drafts = _article_drafts(content_lines)
        resolution = _resolve(drafts, _NameIndex(content_lines), _SentenceNames(article.source, content_lines))
        for draft, (resolved, role) in zip(drafts, resolution):
            claims.append(_finish(draft, article, resolved, role))
    claims.sort(key=_CLAIM_ORDER)
    return claims


_CLAIM_ORDER = attrgetter("article", "line", "start")

# Marks turned into spaces so that str.split() gives the words of a line (a cheap test for
# cue words before any tokenising).
_WORD_BREAKS = str.maketrans({ch: " " for ch in "\"“”„‘’'.,;:!?()[]{}—–-…/"})
# The same breaks for an ASCII line, as a bytes table; it also turns into spaces the four
# separators (\x1c-\x1f) that str.split() counts as spaces and bytes.split() does not.
_ASCII_WORD_BREAKS = bytes(32 if chr(i) in "\"'.,;:!?()[]{}-/\x1c\x1d\x1e\x1f" else i for i in range(256))


@cache
def _ascii_cue_keys() -> frozenset[bytes]:
    """The cue keys as bytes, to compare with the words of an ASCII line."""
    return frozenset(key.encode() for key in _lexicon().cue_keys)


def _cue_words(low: str) -> list[str]:
    """The cue words among the words of a lower-cased line (the cheap test that decides
    whether a line is read at all).  Most lines are ASCII: their words are cut and compared
    as bytes, which takes a fifth less time than `str.translate` and `str.split`."""
    if low.isascii():
        words = low.encode().translate(_ASCII_WORD_BREAKS).split()
        return [word.decode() for word in _ascii_cue_keys().intersection(words)]
    return list(_lexicon().cue_keys.intersection(low.translate(_WORD_BREAKS).split()))


# Line kinds whose "Label: value" is never speech, and how far into a line the colon after
# a speaker's name may stand.
_NOT_SPOKEN = frozenset({"stat_line", "section_heading"})
_NAME_COLON_REACH = 60


def _article_drafts(content_lines: list) -> list[_Draft]:
    """Claims of one article before speaker resolution.  A paragraph that is only a
    quotation continues the previous paragraph's direct claim; without one, it waits for
    the next paragraph, whose speaker may be named after the block ("… continued: ")."""
    drafts: list[_Draft] = []
    pending: list[tuple[str, list[Quote], int]] = []  # quotation paragraphs not yet attributed
    previous: _Draft | None = None

    for ln in content_lines:
        text = ln.text
        low = text.lower()
        stems = _cue_words(low)
        has_quote = _has_quote_mark(text)
        name_colon = ln.kind not in _NOT_SPOKEN and ":" in text[:_NAME_COLON_REACH] and _NAME_COLON.match(text)
        if not stems and not has_quote and not name_colon:
            pending, previous = [], None
            continue
        quotes = find_quotes(text) if has_quote else []
        if not name_colon and quotes and quotes[0].open == 0 and _transcript_in_quotes(text):
            # '"PENCE: Well, look, …': a transcript quoted paragraph by paragraph; the
            # speaker is named inside the quotation, which it opens
            draft = _name_colon_claim(text, [], ln.number)
            if draft is not None:
                drafts.append(draft)
                pending, previous = [], None
                continue
        nested = _nested_drafts(text, low, quotes, ln.number, stems) if quotes and stems else []
        if quotes and _bare_quote(text, quotes, 0, len(text)):
            if previous is not None and previous.direct_parts and not pending:
                tokens = _tokenize(text, quotes)
                _add_range(previous, tokens, ln.number, 0, len(tokens.words))
            else:
                pending.append((text, quotes, ln.number))
            drafts.extend(nested)
            continue
        line_drafts = _line_drafts(text, low, quotes, ln.number, stems) if stems else []  # no cue word, no claim
        if not line_drafts and name_colon:
            headline = _name_colon_claim(text, quotes, ln.number)
            line_drafts = [headline] if headline else []
        if pending and line_drafts and line_drafts[0].direct_parts and (
                _continues(line_drafts[0].cue) or _quote_runs_on(pending[-1], text, quotes, line_drafts[0])):
            line_drafts[0] = _prepend_quotes(line_drafts[0], pending)
        pending = []
        drafts.extend(line_drafts)
        drafts.extend(nested)
        previous = line_drafts[-1] if line_drafts else None
    return _confirm_name_colons(drafts)


# A quotation shorter than this many words is a phrase or a title ('the film "Everyone Says
# I Love You"'), not speech that could relay someone else's words.
_NESTED_MIN_WORDS = 6


def _nested_drafts(text: str, low: str, quotes: list[Quote], line: int, stems: list[str]) -> list[_Draft]:
    """Claims that a quoted speaker relays from someone else ('"A journalist in the centre of
    Kunduz told us the Taliban has taken over …"', '"The government is denying Kunduz has
    fallen"').  Only a source named or described inside the quotation counts: a pronoun there
    points into the quoted speaker's own story, which the text leaves unresolved."""
    lex = _lexicon()
    found: list[_Draft] = []
    for q in quotes:
        a, b = q.inner
        if not any(low.find(stem, a, b) >= 0 for stem in stems):
            continue
        words = low[a:b].translate(_WORD_BREAKS).split()
        if len(words) < _NESTED_MIN_WORDS:
            continue
        # a cue right after a pronoun ("I said", "we told them") is the quoted speaker's own
        inner_stems = list({words[i] for i in compress(range(len(words)), map(lex.cue_keys.__contains__, words))
                            if i == 0 or words[i - 1] not in lex.pronouns})
        if not inner_stems:
            continue
        inner = text[a:b]
        for draft in _line_drafts(inner, inner.lower(), find_quotes(inner), line, inner_stems):
            if not draft.speaker or not _names_a_source(draft.speaker):
                continue
            for segment in draft.segments:
                segment.start += a
                segment.end += a
                _cut_at_contrast(segment)
            if draft.speaker_at:
                draft.speaker_at = (line, draft.speaker_at[1] + a)
            draft.nested = True
            found.append(draft)
    return found


def _is_pronoun(word: str) -> bool:
    """A subject pronoun, also with a clitic ("he", "I’d", "We've"; not "I'Anson")."""
    lex = _lexicon()
    if word.lower() in lex.pronouns:
        return True
    m = _CLITIC.fullmatch(word)
    return m is not None and m.group(1).lower() in lex.pronouns


_CLITIC = regex.compile(r"(\p{L}++)['’](?:d|ve|m|ll|re|s)")
_CLITIC_VERB = regex.compile(r"\p{L}++['’](?:d|ve|m|ll|re)")  # not "'s", which may be a possessive


def _without_clitic(speaker: str) -> str:
    """The pronoun of a speaker written with its auxiliary ("We've said this before",
    "As we'd said"): the clitic is the verb's, not the speaker's."""
    if ("'" in speaker or "’" in speaker) and _CLITIC_VERB.fullmatch(speaker) and _is_pronoun(speaker):
        return _CLITIC.fullmatch(speaker).group(1)
    return speaker


def _names_a_source(speaker: str) -> bool:
    """Is a speaker found inside a quotation a plain noun phrase for a source: it opens with
    a determiner, a capital or a source noun, holds a name or a source noun, and is no
    pronoun ("we", "I’m", "anyone", "This museum", "thought Obama" are not)?"""
    lex = _lexicon()
    words = _CUE_WORD.findall(speaker)
    if not words or _is_pronoun(speaker.split()[0]):
        return False  # "we", "I’m"
    first = words[0].lower()
    if not (first in lex.determiners or words[0][0].isupper() or first in lex.source_nouns):
        return False
    return any(w[0].isupper() or w.lower() in lex.source_nouns for w in words[1:] or words)


_CONTRAST = regex.compile(r"[\s,]++but\b")


def _cut_at_contrast(segment: _Segment) -> None:
    """A relayed claim ends where the quoted speaker answers it ("The government is denying
    Kunduz has fallen but, by all accounts, it has")."""
    m = _CONTRAST.search(segment.text)
    if m and m.start() > 0 and not _QUOTE_MARK.search(segment.text, 0, m.start()):
        segment.text = segment.text[:m.start()]
        segment.end = segment.start + m.start()


def _quote_runs_on(last: tuple[str, list[Quote], int], text: str, quotes: list[Quote], draft: _Draft) -> bool:
    """Did the waiting quotation paragraph stay open, and does this paragraph carry on the
    same quotation up to its attribution ('"… / "…," he said.')?"""
    _, last_quotes, _ = last
    return (not last_quotes[-1].closed and bool(quotes) and text[:quotes[0].open].strip() == ""
            and draft.segments[0].start == quotes[0].inner[0])


def _continues(cue: str | None) -> bool:
    """Does the cue say the speaker was already speaking ("continued", "added")?"""
    return bool(cue) and _lexicon().cues.get(cue.split()[0].lower(), ("", ""))[1] == "add"


def _prepend_quotes(draft: _Draft, pending: list[tuple[str, list[Quote], int]]) -> _Draft:
    head = _Draft(draft.speaker, draft.role, draft.cue, draft.polarity, speaker_at=draft.speaker_at)
    for text, quotes, number in pending:
        tokens = _tokenize(text, quotes)
        _add_range(head, tokens, number, 0, len(tokens.words))
    head.segments.extend(draft.segments)
    head.direct_parts += draft.direct_parts
    head.indirect_parts += draft.indirect_parts
    head.quoted_inside = draft.quoted_inside
    return head


def _finish(d: _Draft, article: Article, resolved: str | None, role: str | None) -> Claim:
    segments = d.segments
    first, last = segments[0], segments[-1]
    if len(segments) == 1:
        lines, content = [first.line], first.text
    else:
        lines, content = sorted({s.line for s in segments}), " ".join([s.text for s in segments])
    return Claim(article.source, article.number, first.line, lines, d.speaker, resolved, role, d.cue,
                 d.kind, d.polarity, content, first.start, last.end)
