"""Quantities in news text: money, percentages, measures and counts, with what they count.

Every figure a reader might compare across articles ("14 bodies", "more than £2.1m",
"between 45 and 70 medals") is found with its exact span, a normalised value, a unit, the
qualifier that bounds or softens it, and the noun it counts.  Dates and years are not
quantities: "Tokyo 2020" is not 2,020 of anything.

The vocabulary (number words, currencies, magnitudes, units, counted nouns, qualifiers) lives
in `extractors/data/figures_*.txt`; the scanner below only knows the shapes.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from typing import NamedTuple

import regex

from .text import Article, data_lines, data_set, month_names, sentence_spans

# A written number: digits with optional thousands commas and decimals, possibly signed
# ("-52kg").  A number glued to a word on its left (K1, Covid-19, 4x100m) is not matched, nor one
# after "#" (an HTML entity "&#233;" left by a scraper, or a rank "#3").
# Each branch tests the character at hand before looking behind it: most places fail there.
_NUMBER = regex.compile(
    r"(?:(?P<sign>[-+−])(?<=(?:^|[\s(\[]).)|(?=\d)(?<![\w.,/:+−\-#]))"
    r"(?P<int>\d{1,3}(?:,\d{3})++(?!\d)|\d++)(?P<frac>\.\d++)?+(?![\d/:]|[.,]\d)"
)
# Characters that match an ASCII letter case-insensitively but do not lower-case to one
# (or change length when lower-cased): a line holding one is scanned case-insensitively.
_FOLD_TRAPS = ("\u0130", "\u017f", "\u212a")
_GLUE_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz%°")
_HYPHENS = frozenset("-‐–")
_WORD = regex.compile(r"[A-Za-z]++")
_GLUED = regex.compile(r"°?+[A-Za-z%]++")
_SPACED_WORD = regex.compile(r"[ \u00a0]?+([A-Za-z%][A-Za-z]*+)")
_SPACED_WORD_START = _GLUE_START | {" ", "\u00a0"}
_HYPHEN_WORD = regex.compile(r"[-‐–]([A-Za-z]++)(?:-([A-Za-z]++))?+")
_OF_THEM = regex.compile(r",? of (?:them|which|those|these) ([a-z]++)")
_OF_UNIT = regex.compile(r" of an? ([a-z]++)")
_AND_NEXT = regex.compile(r" (?:and|to|-|–) ")
# Two numbers joined as a range without "between": "25 to 30 times", "25-30 people", "10–15%".
_RANGE_JOIN = regex.compile(r" to |[-–]| [-–] ")
# How many times the first number of "X to Y" the second may be for the two to be a range:
# "0.25% to 5.5%" and "17,000 to 4.483 million" are an old and a new value.
_RANGE_SPREAD = 5
# The second number of a dash range ("25-30 people"), and the word or sign after it.
_DASH_SECOND = regex.compile(r"[-–](\d{1,3}(?:,\d{3})++(?!\d)|\d++)(\.\d++)?+(?:%|[ \u00a0]?+([A-Za-z]++))")
# Up to four words after a number, each after optional spaces or hyphens, read in one match:
# the counted noun is looked for over a few adjectives ("30 injured people").
_WORDS_AFTER = regex.compile(r"[\s\-]*+([A-Za-z][a-z'’]*+)(?:[\s\-]*+([A-Za-z][a-z'’]*+)"
                             r"(?:[\s\-]*+([A-Za-z][a-z'’]*+)(?:[\s\-]*+([A-Za-z][a-z'’]*+))?+)?+)?+")

_SINGULAR_COLOURS = frozenset({"gold", "silver", "bronze"})
_POSSESSIVES = frozenset({"her", "his", "their", "its", "my", "our", "your"})
# Nouns that count people or things without a plural -s ("30 injured", "14 police").
_INVARIABLE = frozenset({"people", "police", "staff", "aircraft", "dead", "injured", "wounded",
                         "killed", "squad", "team", "women", "men", "children", "gold", "silver",
                         "bronze", "troops"})


@dataclass(slots=True)
class Quantity:
    """One quantity found in a line of text (offsets are code points within the line)."""
    start: int
    end: int
    text: str
    value: int | float | list
    unit: str | None
    qualifier: str | None
    approx: bool
    counts: str | None


@dataclass(slots=True)
class Figure:
    source: str
    article: int
    line: int
    start: int
    end: int
    text: str
    value: int | float | list  # a number; [low, high] for a range ("between 45 and 70")
    unit: str | None
    qualifier: str | None
    approx: bool
    counts: str | None
    sentence: str


# --- vocabulary tables ---------------------------------------------------------------------

@cache
def _number_words() -> dict[str, tuple[float, str]]:
    table = {}
    for row in data_lines("figures_number_words.txt"):
        word, value, kind = row.split()
        table[word] = (float(value), kind)
    return table


@cache
def _currencies() -> tuple[dict[str, str], dict[str, str]]:
    """(markers written before a number, words written after it) -> ISO code."""
    before, after = {}, {}
    for row in data_lines("figures_currencies.txt"):
        marker, code, position = row.rsplit(None, 2)  # a word after may be a phrase: "Swiss francs"
        if position == "before":
            before[marker] = code
        else:
            after[marker.lower()] = code
    return before, after


@cache
def _multipliers() -> dict[str, float]:
    return {w: float(f) for w, f in (row.split() for row in data_lines("figures_multipliers.txt"))}


@cache
def _units() -> dict[str, str]:
    table = {}
    for row in data_lines("figures_units.txt"):
        written, canonical = row.split("|")
        table[written] = canonical
    return table


@cache
def _count_nouns() -> dict[str, str]:
    return dict(row.split() for row in data_lines("figures_count_nouns.txt"))


@cache
def _qualifiers() -> dict[str, str]:
    return dict(row.split("|") for row in data_lines("figures_qualifiers.txt"))


def whole_number(token: str) -> int | None:
    """The value of a token written in digits or as one number word ("6", "six", "twelve")."""
    if token.isdigit():
        return int(token)
    hit = _number_words().get(token.lower())
    return int(hit[0]) if hit and hit[1] in ("unit", "ten") else None


@cache
def _fillers() -> frozenset[str]:
    return data_set("figures_fillers.txt", lower=True)


class _Vocabulary(NamedTuple):
    """The tables the scanner reads, fetched once per line instead of once per number (a
    single line may hold a hundred thousand numbers)."""
    number_words: dict[str, tuple[float, str]]
    currency_before: dict[str, str]
    currency_after: dict[str, str]
    currency_marker_ends: frozenset[str]  # last characters of the markers written before
    currency_marker_longest: int
    currency_phrase_starts: frozenset[str]  # first words of currencies written in words: "swiss"
    multipliers: dict[str, float]
    units: dict[str, str]
    unit_first_words: frozenset[str]  # first words of two-word units ("per cent")
    count_nouns: dict[str, str]
    fillers: frozenset[str]
    qualifiers: dict[str, str]
    qualifier_last_words: frozenset[str]
    change_words: frozenset[str]  # "rose $1.64 to $47.10" is a change, not a range
    label_words: frozenset[str]  # "world number 12", "aged 64": a rank or an age, no count
    label_word_ends: frozenset[str]  # their last letters, tested before the word is cut out
    clock_zones: frozenset[str]  # "2230 GMT": a time of day
    year_determiners: frozenset[str]  # "the 2004 elections": a year, not 2,004 elections
    street_words: frozenset[str]  # "10 Downing Street": a house number


@cache
def _vocabulary() -> _Vocabulary:
    before, after = _currencies()
    units, qualifiers = _units(), _qualifiers()
    label_words = data_set("figures_label_words.txt", lower=True)
    return _Vocabulary(_number_words(), before, after, frozenset(marker[-1] for marker in before),
                       max(map(len, before)), frozenset(w.split(" ")[0] for w in after if " " in w),
                       _multipliers(), units, frozenset(w.split(" ")[0] for w in units if " " in w),
                       _count_nouns(), _fillers(), qualifiers,
                       frozenset(phrase.split(" ")[-1] for phrase in qualifiers),
                       data_set("figures_change_words.txt", lower=True),
                       label_words, frozenset(word[-1] for word in label_words),
                       data_set("figures_clock_zones.txt"), data_set("figures_year_determiners.txt"),
                       data_set("figures_street_words.txt"))


def _number(value: float) -> int | float:
    """A value without binary noise (2.01 x 1e6 is 2010000, "£2.1m" is 2100000), every
    written digit kept ("$799.99"; an exchange rate, "$1.2974")."""
    if value.is_integer():  # most figures: rounding would leave them as they are
        return int(value)
    value = round(value, 9)
    return int(value) if value.is_integer() else value


# --- the scanner ----------------------------------------------------------------------------

# A number found in the text, before it is read as a quantity: (start, end, value, written in
# digits (True) or words, has thousands commas).  A plain tuple: a line may hold 10^5 of them.
_Candidate = tuple[int, int, float, bool, bool]


def _trie(words) -> str:
    """A regex alternation of `words` shaped as a trie ("t(?:en|hree|w(?:o|elve))"): the
    engine then tries one branch per letter instead of every word at every position."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict) -> str:
        arms = [regex.escape(ch) + branch(child) for ch, child in sorted(node.items()) if ch]
        if not arms:
            return ""
        body = arms[0] if len(arms) == 1 else "(?:" + "|".join(arms) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return branch(tree)


@cache
def _number_word_hits() -> tuple[regex.Pattern, regex.Pattern]:
    """Where a run of number words may start (built from the number-word table), so that only
    those places are tokenised, not every word of the text.  The first pattern is for
    lower-cased text (the faster scan), the second case-insensitive."""
    source = r"\b" + _trie(_number_words()) + r"\b"
    return regex.compile(source), regex.compile(source, regex.IGNORECASE)


# A fraction of a magnitude: "half a million", "a quarter of a million", "half a dozen".
_FRACTION_OF_SCALE = regex.compile(r" (?:of )?an? (million|billion|thousand|hundred|dozen)\b")
_ARTICLE_BEFORE = regex.compile(r"\b(an?+) $", regex.IGNORECASE)


def _digits_value(whole: str, frac: str | None) -> float | None:
    """The value of a number in digits (thousands commas in `whole`, `frac` its ".5"), or None
    for digits of another script, which Python may not read ("\U00011f50")."""
    plain = whole.replace(",", "")
    if not (plain.isascii() and (frac is None or frac.isascii())):
        return None
    return float(plain + frac if frac else plain)


def _candidates(text: str, vocab: _Vocabulary) -> list[_Candidate]:
    """Numbers in digits and runs of number words ("seven", "twenty-five", "two hundred and
    fifty", "a dozen", "a hundredth" -- a fraction only when "of" follows), in text order."""
    digits: list[_Candidate] = []
    for m in _NUMBER.finditer(text):
        sign, whole, frac = m.groups()
        value = _digits_value(whole, frac)
        if value is None:
            continue
        if sign == "-" or sign == "−":
            value = -value
        start, end = m.span()
        digits.append((start, end, value, True, "," in whole))
    lowered, folding = _number_word_hits()
    if any(trap in text for trap in _FOLD_TRAPS):
        hits = folding.finditer(text)
    else:
        hits = lowered.finditer(text.lower())
    words = vocab.number_words
    runs: list[_Candidate] = []
    consumed = 0
    for hit in hits:
        if hit.start() < consumed:
            continue
        tokens = list(_WORD.finditer(text, hit.start(), min(len(text), hit.start() + 120)))
        # A case-insensitive hit may be no key of the table ("thouſand" lower-cases to itself).
        if words.get(hit[0].lower(), (0, ""))[1] in ("scale", "fraction"):
            article = _ARTICLE_BEFORE.search(text, max(0, hit.start() - 4), hit.start())
            if article:
                tokens.insert(0, _WORD.match(text, article.start(1)))
        cand, end = _word_run(text, tokens)
        consumed = max(end, hit.end())
        if cand is not None:
            runs.append(cand)
    if not runs:
        return digits
    return sorted(digits + runs, key=itemgetter(0))


def _word_run(text: str, tokens: list) -> tuple[_Candidate | None, int]:
    """The number read from the words starting at tokens[0], and where the run ends."""
    words = _number_words()
    tok = tokens[0]
    low = tok[0].lower()
    article = low in ("a", "an")
    total = current = 0.0
    fraction = None
    start, end, j = tok.start(), tok.end(), 0
    if article:
        current, j = 1.0, 1
    first, last_kind = j, None
    while j < len(tokens):
        word = tokens[j][0].lower()
        gap = text[end:tokens[j].start()]
        if word == "and" and last_kind == "scale" and gap == " " and j + 1 < len(tokens) \
                and words.get(tokens[j + 1][0].lower(), (0, ""))[1] in ("unit", "ten"):
            j += 1  # "two hundred and fifty": the gap " and " is checked on the next word
            continue
        if word == "and" and last_kind in ("unit", "ten") and gap == " " \
                and text.startswith(" and a half", end) and j + 2 < len(tokens) and tokens[j + 2][0] == "half":
            current += 0.5  # "two and a half years", "one and a half million"
            last_kind, end, j = "fraction", tokens[j + 2].end(), j + 3
            continue
        if word == "of" and last_kind == "scale" and gap == " " and j + 1 < len(tokens) \
                and _magnitudes_multiply(text, tokens[j - 1], tokens[j], tokens[j + 1], words):
            # "hundreds of thousands", "tens of millions": one magnitude multiplies the other
            total, current = (total + current) * words[tokens[j + 1][0].lower()][0], 0.0
            end, j = tokens[j + 1].end(), j + 2
            continue
        if word not in words or (j > first and gap not in (" ", "-", " and ")):
            break
        value, kind = words[word]
        if kind == "fraction":
            scale = _FRACTION_OF_SCALE.match(text, tokens[j].end())
            if scale and words.get(scale[1], (0, ""))[1] == "scale":
                # "half a million", "a quarter of a million", "half a dozen"
                fraction = ((total + current) or 1) * value * words[scale[1]][0]
                end = scale.end()
                break
            if not text.startswith(" of ", tokens[j].end()) or not (current or total):
                break
            fraction = (total + current) * value
            end = tokens[j].end()
            break
        if kind == "scale":
            if value == 100 or value == 12:
                current = (current or 1) * value
            else:
                total += (current or 1) * value
                current = 0
        elif current % 100 == 0 or (kind == "unit" and last_kind == "ten" and value < 10):
            current += value  # "twenty", "two hundred five", "twenty-five"
        else:
            break
        last_kind = kind
        end = tokens[j].end()
        j += 1
    if end == tok.end() and (article or j == 0):
        return None, end  # nothing read: a lone "a", or "the third Olympics" (an ordinal)
    if fraction is not None:
        return (start, end, fraction, False, False), end
    if text[start:end].lower() == "tens":
        return None, end  # "tens" counts only as "tens of thousands"
    if _lone_one(text, start, end) or _in_a_title(text, start, end):
        return None, end
    return (start, end, total + current, False, False), end


def _magnitudes_multiply(text: str, before, of, after, words) -> bool:
    """Do two plural magnitudes joined by a single-spaced "of", the larger second ("hundreds of
    thousands"), make one number?"""
    low, high = words.get(before[0].lower(), (0, "")), words.get(after[0].lower(), (0, ""))
    return before[0][-1] in "sS" and after[0][-1] in "sS" and text[of.end():after.start()] == " " \
        and high[1] == "scale" and high[0] > low[0]


def _in_a_title(text: str, start: int, end: int) -> bool:
    """Number words capitalised inside a sentence, next to another capitalised word, name a
    work or a group ("Million Dollar Baby", "the Fantastic Four", "One Direction"), not a
    quantity.  A capital after a sentence end is just the sentence's."""
    if not text[start].isupper():
        return False
    before = text[max(0, start - 40):start].rstrip(" \"'“‘(")  # a window: lines can be megabytes
    if not before or before[-1] in ".!?:;\n":
        return False
    if text[end:end + 2].lstrip()[:1].isupper():
        return True
    word_before = before.rsplit(None, 1)[-1]
    return word_before[:1].isupper() and word_before[-1].isalpha()


def _lone_one(text: str, start: int, end: int) -> bool:
    """"one" is a pronoun far more often than a count ("one of several sports", "no one"),
    but not before a share's other number ("one in five")."""
    return text[start:end].lower() == "one" and not _counted_noun(text, end, 1.0, _vocabulary())[0] \
        and not _of_them(text, end) and not _share_follows(text, end)


def _share_follows(text: str, pos: int) -> bool:
    gap = _IN_EVERY.match(text, pos) if text.startswith(" in ", pos) else None
    if gap is None:
        return False
    digits = _DIGITS.match(text, gap.end())
    if digits:
        return not _YEAR.fullmatch(digits[0])
    word = _WORD.match(text, gap.end())
    return word is not None and word[0].lower() in _number_words()


def _of_them(text: str, pos: int):
    """_OF_THEM.match, without calling the regex engine where " of " cannot follow."""
    return _OF_THEM.match(text, pos) if text.startswith((" of ", ", of "), pos) else None


def _counted_noun(text: str, pos: int, value: float, vocab: _Vocabulary,
                  spaced=None) -> tuple[str | None, str | None]:
    """The noun a number counts, looking over a few adjectives: "12 medals",
    "an impressive 12 medals", "more than 30 injured people", "two gold medals".
    `spaced` is _SPACED_WORD's match at `pos` when the caller has it: when that word is the
    first one read here and neither a counted noun nor an adjective, nothing is counted, and
    most numbers are done without another match."""
    if spaced is not None and _first_word_counts_nothing(text, spaced, vocab):
        return None, None
    words = _WORDS_AFTER.match(text, pos)
    if not words:
        return None, None
    nouns = vocab.count_nouns
    found = None
    for word in words.groups():
        if word is None:
            break
        word = word.lower().rstrip("'’")
        if word in nouns:
            found = word
        elif found or word not in vocab.fillers:
            break
    if found is None:
        return None, None
    plural = found.endswith("s") or found in _INVARIABLE
    if value != 1 and not plural:
        return None, None
    return found, nouns[found]


def _first_word_counts_nothing(text: str, spaced, vocab: _Vocabulary) -> bool:
    """Whether the word of a _SPACED_WORD match is also the first word of _WORDS_AFTER at the
    same place (it does not start with "%", has no capital after its first letter and no
    apostrophe after it) and is neither a counted noun nor an adjective."""
    word = spaced[1]
    rest = word[1:]
    if word[0] == "%" or rest != rest.lower() or text[spaced.end():spaced.end() + 1] in ("'", "’"):
        return False
    word = word.lower()
    return word not in vocab.count_nouns and word not in vocab.fillers


_LOOK_BACK = 30  # characters searched for the words before a number


def _last_word_before(text: str, start: int) -> tuple[str, int] | None:
    """The last of `_words_before(text, start)`, found without splitting the window: most
    checks need only this word, and most numbers need nothing more."""
    if start < 2 or text[start - 1] != " ":
        return None
    window_start = start - _LOOK_BACK if start > _LOOK_BACK else 0
    space = text.rfind(" ", window_start, start - 1)
    if space < 0 and window_start > 0:
        return None  # the only piece may be cut by the window
    word = text[space + 1:start - 1]
    if not (word.isalpha() or word.replace(".", "").isalpha()):  # a word, or initials ("c.")
        return None
    return word, space + 1


def _words_before(text: str, start: int) -> list[tuple[str, int]]:
    """Up to three whole words, with their offsets, that end just before `start`, each followed
    by a single space."""
    window_start = max(0, start - _LOOK_BACK)
    window = text[window_start:start]
    if not window.endswith(" "):
        return []
    parts = window[:-1].split(" ")
    if window_start > 0:
        parts = parts[1:]  # the first piece may be cut by the window
    out: list[tuple[str, int]] = []
    pos = start - 1
    for part in reversed(parts[-3:]):
        if not part or not part.replace(".", "").isalpha():
            break
        pos -= len(part)
        out.append((part, pos))
        pos -= 1
    out.reverse()
    return out


def _qualifier_before(text: str, start: int, vocab: _Vocabulary) -> tuple[str | None, str | None, int]:
    """The qualifier phrase ending just before `start` ("more than £2.1m", "about 10%"), its
    kind, and its start offset.  The words must be separated by single spaces.  Called when
    the word just before `start` may end a qualifier."""
    words = _words_before(text, start)
    table = vocab.qualifiers
    for n in (3, 2, 1):
        if len(words) >= n:
            phrase = " ".join(w for w, _ in words[-n:]).lower()
            if phrase in table:
                return phrase, table[phrase], words[-n][1]
    return None, None, start


def _currency_before(text: str, start: int, last: tuple[str, int] | None,
                     vocab: _Vocabulary) -> tuple[str | None, int]:
    """A currency sign or code written just before a number: "£2.1m", "US$5bn", "GBP 5m".
    `last` is the word just before `start` (found only after a space)."""
    before = vocab.currency_before
    if last:
        return (before[last[0]], last[1]) if len(last[0]) > 1 and last[0] in before else (None, start)
    if start == 0 or text[start - 1] not in vocab.currency_marker_ends:
        return None, start
    for length in range(min(vocab.currency_marker_longest, start), 0, -1):
        marker = text[start - length:start]
        if marker in before and (start - length == 0 or not text[start - length - 1].isalpha()):
            return before[marker], start - length
    return None, start


def parse_quantities(text: str, *, money_scale: tuple[str, float] | None = None) -> list[Quantity]:
    """Every quantity in one line of text, in order.

    `money_scale` (currency, factor) reads bare numbers as money, for a table column headed
    "(£m)": 1.448 there is £1,448,000."""
    return [Quantity(start, end, text[start:end], value, unit, qualifier, approx, counts)
            for start, end, value, unit, qualifier, approx, counts in _quantities(text, money_scale)]


def _quantities(text: str, money_scale: tuple[str, float] | None) -> list[tuple]:
    """parse_quantities as plain (start, end, value, unit, qualifier, approx, counts) rows:
    extract_figures makes its records from them directly."""
    vocab = _vocabulary()
    out: list[tuple] = []
    taken_until = -1
    pending_range: tuple | None = None  # a quantity after "between", waiting for "and ..."
    candidates = _candidates(text, vocab)
    for k, cand in enumerate(candidates):
        if cand[0] < taken_until:
            continue  # "million" inside "£29.3 million"
        share = _share(text, cand, candidates[k + 1] if k + 1 < len(candidates) else None, vocab)
        if share is not None:
            out.append(share)
            taken_until, pending_range = share[1], None
            continue
        q = _read(text, cand, money_scale, vocab)
        if q is None:
            continue
        start, end, value, unit, qualifier, approx, counts = q
        taken_until = end
        if pending_range is not None and _AND_NEXT.fullmatch(text, pending_range[1], start):
            out[-1] = _joined_range(text, pending_range, q, vocab)
            pending_range = None
            continue
        if out and _RANGE_JOIN.fullmatch(text, out[-1][1], start) and _may_join(out[-1], q):
            low = out[-1]
            before = _word_before(text, low[0])
            if before in vocab.change_words and not (before == "by" and low[3] is None):
                # "rose from 20 to 30 per cent", "crude rose $1.64 to $47.10", "increased by
                # £2m to £24.5m": the two values of a change, the unit written once (but "by
                # 25 to 30 seats" is a range)
                out[-1] = low[:3] + (low[3] or unit,) + low[4:6] + (low[6] or counts,)
                out.append(q)
            elif 0 < low[2] < q[2] <= _RANGE_SPREAD * low[2]:
                out[-1] = _joined_range(text, out[-1], q, vocab)
            else:
                out.append(q)
            continue
        pending_range = q if qualifier == "between" else None
        out.append(q)
    if not out:
        return out
    # a row with a unit of measure (no counted noun) is never a label: skip the call for it
    return [row for row in out
            if (row[3] is not None and row[6] is None) or not _labels_or_clock(text, row, vocab)]


_IN_EVERY = regex.compile(r" in (?:every )?+")
_DIGITS = regex.compile(r"\d++(?:,\d{3})*+")
_YEAR = regex.compile(r"1[89]\d\d|20\d\d")  # "one in 2020" is no share, "one in 1,000" is


def _share(text: str, cand: _Candidate, following: _Candidate | None, vocab: _Vocabulary) -> tuple | None:
    """"one in five adults", "8 in 10 cats": a share (0.2, 0.8) of what the second number
    counts, read as one quantity.  Not a number before a year ("rose 5 in 2020")."""
    if following is None or not text.startswith(" in ", cand[1]):
        return None
    gap = _IN_EVERY.match(text, cand[1])
    low, high = cand[2], following[2]
    if gap.end() != following[0] or not 0 < low < high or not float(low).is_integer() \
            or not float(high).is_integer() or _YEAR.fullmatch(text, following[0], following[1]):
        return None
    unit = _SPACED_WORD.match(text, following[1])
    if unit and unit[1].lower() in vocab.units:
        return None  # "one in every three years" says how often, "4 in 10 km" is no share
    counts, _ = _counted_noun(text, following[1], high, vocab)
    written, kind, start = _qualifier_before(text, cand[0], vocab)
    return start, following[1], round(low / high, 4), None, written, kind == "approx", counts


def _labels_or_clock(text: str, row: tuple, vocab: _Vocabulary) -> bool:
    """Is a number with no unit of measure (the caller checks) a rank or an age ("world number
    12", "18 number one singles", "aged between 18 and 24"), or a bare one a time of day ("at
    2230 GMT", "at 7 pm") or a house number ("10 Downing Street")?  Read on whole rows, so that both ends
    of a range go."""
    start, end, _, unit, _, _, counts = row
    if text[start - 2:start - 1].lower() in vocab.label_word_ends and _word_before(text, start) in vocab.label_words:
        return True
    if counts is not None:
        return False
    if _age_in_apposition(text, start, end):
        return True
    if _CLOCK_AFTER.match(text, end):
        return True  # "at 7 pm", "10 a.m."
    if text[end:end + 1] != " " or not text[end + 1:end + 2].isupper():
        return False
    names = _CAPITALISED_WORDS.match(text, end)[0].split()
    return names[0] in vocab.clock_zones or any(word in vocab.street_words for word in names[1:])


_CLOCK_AFTER = regex.compile(r" (?:[ap]\.m\.|[AP]\.M\.|(?:am|pm|AM|PM)\b)")
# Up to three capitalised words after a number: a time zone ("2230 GMT") or a street ("10
# Downing Street", "1119 Eighth St.").
_CAPITALISED_WORDS = regex.compile(r"(?: [A-Z][A-Za-z]*+){1,3}+")


def _age_in_apposition(text: str, start: int, end: int) -> bool:
    """A number of one or two digits set off by commas right after a word is an age, the way
    news gives one ("The goalkeeper, 34, signed", "Ms Patel, 41, and her brother")."""
    return 0 < end - start <= 2 and text[end:end + 1] == "," and text[start - 2:start] == ", " \
        and text[start - 3:start - 2].isalpha() and text[start:end].isdigit()


def _joined_range(text: str, low: tuple, high: tuple, vocab: _Vocabulary) -> tuple:
    """One row for "between 45 and 70 medals" / "25-30 people": [low, high], the unit and
    counted noun written after the second number, the qualifier written before the first.
    A magnitude written once applies to both ("between 5 and 10 million": 5 million, where
    the magnitude, if it were read for the first number too, would not pass the second)."""
    low_start, low_end, low_value, low_unit, low_qualifier, low_approx, low_counts = low
    high_start, end, value, unit, _, _, counts = high
    factor = _magnitude(text, high_start, end, vocab)
    if factor > 1 and _magnitude(text, low_start, low_end, vocab) == 1 and low_value * factor <= value:
        low_value = _number(float(low_value * factor))
    return (low_start, end, [low_value, value], unit or low_unit, low_qualifier, low_approx, counts or low_counts)


def _magnitude(text: str, start: int, end: int, vocab: _Vocabulary) -> float:
    """The factor of a magnitude word or suffix written in a quantity ("10 million", "£3bn")."""
    for word in _WORD.findall(text, start, end):
        factor = vocab.multipliers.get(word) or vocab.multipliers.get(word.lower())
        if factor:
            return factor
    return 1


def _may_join(low: tuple, high: tuple) -> bool:
    """Can two numbers with only "to" or a dash between them be one range (or the two
    values of "from X to Y")?  Neither is a range already, the second is not qualified
    itself, and the first is a bare number or has the second's unit."""
    if isinstance(low[2], list) or isinstance(high[2], list) or high[4] is not None:
        return False
    return low[3] is None or low[3] == high[3]


def _word_before(text: str, start: int) -> str:
    last = _last_word_before(text, start)
    return last[0].lower() if last else ""


def _counted_right_after(text: str, end: int, vocab: _Vocabulary) -> bool:
    """Is the word right after `end` a counted noun ("3.4m units"), other than a medal's
    colour ("K1 200m bronze" is a distance), or a unit written as a word ("2.4m barrels",
    "31m tonnes")?"""
    spaced = _spaced_word(text, end)
    if spaced is None:
        return False
    word = spaced[1].lower()
    return vocab.count_nouns.get(word, "medals") != "medals" or (len(word) > 2 and word in vocab.units)


def _read(text: str, cand: _Candidate, money_scale, vocab: _Vocabulary) -> tuple | None:
    """Grow a bare number into a quantity row (see _quantities): currency, magnitude, unit,
    qualifier, counted noun.  Returns None for numbers that are not quantities (years,
    ordinals, names like K1)."""
    start, number_end, number, digits, has_commas = cand
    end, value = number_end, number
    last_word = _last_word_before(text, start)
    currency, cur_start = _currency_before(text, start, last_word, vocab)
    multiplier_table, units, nouns = vocab.multipliers, vocab.units, vocab.count_nouns
    unit = currency
    counts = None
    range_high = None
    if digits and start == 0 and text[end:end + 1] in (".", ")") and not currency:
        return None  # a list marker: "3. Cycling: £2.04m"
    if digits and text[start] == "0" and number_end - start > 1 and text[start + 1].isdigit() \
            and number.is_integer():
        return None  # a leading zero writes a code, not an amount: "0800 555 111", "007", "056"
    glued = _GLUED.match(text, end) if text[end:end + 1] in _GLUE_START else None
    if glued:
        suffix = glued[0]
        money_suffix = suffix if suffix in multiplier_table else suffix.lower()
        if money_suffix in multiplier_table and (currency or money_scale or _currency_word_after(text, glued.end(), vocab)):
            value *= multiplier_table[money_suffix]  # "£5m", "£5M", "$2B", "640m euros"
            end = glued.end()
        elif suffix.lower() in multiplier_table and len(suffix) > 1 and digits and suffix.lower() not in units:
            value *= multiplier_table[suffix.lower()]
            end = glued.end()
        elif suffix in multiplier_table and not has_commas and (number < 100 or not number.is_integer()) \
                and _counted_right_after(text, glued.end(), vocab):
            # "3.4m units", "1.2m customers", "2.4m barrels": not metres (but "5,000m titles",
            # "800m runners")
            value *= multiplier_table[suffix]
            end = glued.end()
        elif suffix in units or (len(suffix) > 1 and suffix.lower() in units):
            # one capital letter is read as written: "20C" is a temperature, "4G" no gram
            unit = units.get(suffix, units.get(suffix.lower()))
            end = glued.end()
        elif suffix[0] == "%":
            unit, end = "percent", end + 1
        else:
            return None  # 10th, 1990s, 49er
    # The word after `end` (`after`: lower-cased, "" for none), looked up once per place.
    spaced, spaced_at, after = None, -1, ""
    if end == number_end or unit == currency:
        spaced, spaced_at = _spaced_word(text, end), end
        after = spaced[1].lower() if spaced else ""
        if after in multiplier_table and len(after) > 2:
            value *= multiplier_table[after]
            end = spaced.end()
    if not currency:
        if spaced_at != end:
            spaced, spaced_at = _spaced_word(text, end), end
            after = spaced[1].lower() if spaced else ""
        if after in vocab.currency_after:
            currency = unit = vocab.currency_after[after]
            end = spaced.end()
        elif after in vocab.currency_phrase_starts:
            phrase = _currency_phrase(text, spaced, vocab)
            if phrase:
                currency, end = phrase
                unit = currency
    # Without a currency, `spaced` is the word right after `end` here.
    if unit is None and spaced is not None:
        two = _two_word_unit(text, spaced, after, vocab) if after in vocab.unit_first_words else None
        if two:
            unit, end = two
        elif len(after) > 1 and after in units and not (after == "second" and text[spaced.start(1) - 1:spaced.start(1)] != " "):
            unit, end = units[after], spaced.start(1) + len(after)
    hyphen = _HYPHEN_WORD.match(text, end) if unit is None and text[end:end + 1] in _HYPHENS else None
    if hyphen:
        head = hyphen[1].lower()
        if head == "strong":
            end = hyphen.end()
            counts, unit = _counted_noun(text, end, 2.0, vocab)
            unit = "people"
        elif head in units:
            unit, end = units[head], hyphen.end()
        else:
            return None  # "two-time", "one-off"
    elif digits and text[end:end + 1] in ("-", "–") and text[end + 1:end + 2].isdigit():
        range_high = _dash_range_high(text, end, value, money_scale or ((currency, 1.0) if currency else None), vocab)
        if range_high is None:
            return None  # 2015-16, a score
    if money_scale and unit is None:
        currency, unit = money_scale[0], money_scale[0]
        value *= money_scale[1]
    if unit is None or unit in ("medals", "people"):
        of_them = _of_them(text, end)
        if of_them and of_them[1] in nouns:
            counts, unit = of_them[1], nouns[of_them[1]]
        elif not digits and text.startswith(" of ", end) and _ends_with_plural_magnitude(text, end, vocab):
            # "thousands of fans", "dozens of other pupils", "millions of dollars" (but "two
            # thirds of people" is a share, not a count of people)
            money_word = _spaced_word(text, end + 3)
            if money_word is not None and money_word[1].lower() in vocab.currency_after:
                currency = unit = vocab.currency_after[money_word[1].lower()]
            else:
                counts, noun_unit = _counted_noun(text, end + 3, value, vocab)
                unit = unit or noun_unit
        elif counts is None:
            counts, noun_unit = _counted_noun(text, end, value, vocab, spaced if spaced_at == end else None)
            unit = unit or noun_unit
    if digits and unit is None and currency is None and counts is None and not has_commas and 1000 <= number <= 2100:
        return None  # a year: a bare four-digit number, not "2000 people", "£2020" or "1500m"
    if counts is not None and digits and not has_commas and 1900 <= number <= 2100 and number.is_integer() \
            and _year_before_noun(text, end, last_word, vocab):
        return None  # "the 2004 elections", "the 2016 Games": a year naming the things counted
    if digits and unit is None and currency is None and 1 <= number <= 31 and number.is_integer() \
            and _day_of_month(text, end, last_word):
        return None  # "on 25 February", "February 25": a date
    if not digits and not number.is_integer() and unit is None:
        of_unit = _OF_UNIT.match(text, end)
        if of_unit and of_unit[1] in units:
            unit, end = units[of_unit[1]], of_unit.end()
    bare = unit is None or (counts in _SINGULAR_COLOURS and value != 1)
    if digits and bare and _name_or_possessive_before(text, last_word, vocab):
        return None  # Nacra 17 silver, "her 470 gold": boat classes, not counts
    qualifier = None
    if value < 0 and unit not in ("percent", "percentage points", None) and unit != currency:
        value, qualifier = -value, "up to"  # weight classes: -52kg, +87kg
    elif text[start] == "+" and unit not in ("percent", "percentage points"):
        qualifier = "over"
    if cur_start != start:
        last_word = _last_word_before(text, cur_start)
    written = kind = None
    q_start = cur_start
    if last_word and last_word[0].lower() in vocab.qualifier_last_words:
        written, kind, q_start = _qualifier_before(text, cur_start, vocab)
    qualifier = written or qualifier
    row = (min(q_start, cur_start), end, _number(value), unit, qualifier,
           kind == "approx", counts)
    return _joined_range(text, row, range_high, vocab) if range_high else row


def _year_before_noun(text: str, end: int, last_word: tuple[str, int] | None, vocab: _Vocabulary) -> bool:
    """Is a four-digit number followed by a counted noun a year: after a determiner ("the 2004
    elections", "its 2005 awards") or before a capitalised noun ("2016 Games")?"""
    if last_word and last_word[0].lower() in vocab.year_determiners:
        return True
    return text[end + 1:end + 2].isupper()


def _ends_with_plural_magnitude(text: str, end: int, vocab: _Vocabulary) -> bool:
    """Does the number in words ending at `end` end with a plural magnitude ("thousands")?"""
    if text[end - 1] not in "sS":
        return False
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return vocab.number_words.get(text[start:end].lower(), (0, ""))[1] == "scale"


def _currency_word_after(text: str, pos: int, vocab: _Vocabulary) -> bool:
    """Is the word right after `pos` a currency written after its number ("640m euros", "86.7m
    Swiss francs")?  Then a glued "m" is a million, not metres."""
    spaced = _spaced_word(text, pos)
    if spaced is None:
        return False
    word = spaced[1].lower()
    return word in vocab.currency_after or (word in vocab.currency_phrase_starts
                                            and _currency_phrase(text, spaced, vocab) is not None)


_NEXT_TWO_WORDS = regex.compile(r" ([A-Za-z]++)(?: ([A-Za-z]++))?+")


def _currency_phrase(text: str, spaced, vocab: _Vocabulary) -> tuple[str, int] | None:
    """(code, end) of a currency of two or three words starting with the word `spaced` matched
    ("Swiss francs", "Hong Kong dollars"), else None."""
    rest = _NEXT_TWO_WORDS.match(text, spaced.end())
    if rest is None:
        return None
    first = spaced[1].lower()
    for n in (2, 1):
        if rest[n] is not None:
            code = vocab.currency_after.get(" ".join([first, *(w.lower() for w in rest.groups()[:n])]))
            if code:
                return code, rest.end(n)
    return None


def _day_of_month(text: str, end: int, last_word: tuple[str, int] | None) -> bool:
    """Is the number ending at `end` a day of a month written beside it ("25 February",
    "February 25", "Feb. 25")?"""
    months = month_names()
    after = _WORD.match(text, end + 1) if text[end:end + 1] == " " else None
    if after is not None and after[0] in months:
        return True
    return last_word is not None and last_word[0].rstrip(".") in months


def _dash_range_high(text: str, end: int, low: float, money_scale, vocab: _Vocabulary) -> tuple | None:
    """The row of the second number when the number ending at `end` opens a dash range of
    quantities ("25-30 people", "10-15%", "5-10 million"), else None."""
    second = _DASH_SECOND.match(text, end)
    if second is None:
        return None
    word = (second[3] or "%").lower()
    if not (word == "%" or word in vocab.units or word in vocab.count_nouns or word in vocab.multipliers):
        return None
    whole, frac = second[1], second[2]
    value = _digits_value(whole, frac)
    if value is None or value <= low:
        return None
    start = second.start(1)
    number_end = second.end(2) if frac else second.end(1)
    return _read(text, (start, number_end, value, True, "," in whole), money_scale, vocab)


def _spaced_word(text: str, pos: int):
    """_SPACED_WORD.match, without calling the regex engine where no word can follow."""
    return _SPACED_WORD.match(text, pos) if text[pos:pos + 1] in _SPACED_WORD_START else None


def _two_word_unit(text: str, spaced, first: str, vocab: _Vocabulary) -> tuple[str, int] | None:
    """(unit, end) when the word `spaced` matched and the next one form a unit ("per cent")."""
    if not text.startswith(" ", spaced.end()):
        return None
    second = _WORD.match(text, spaced.end() + 1)
    two = first + " " + second[0].lower() if second else None
    return (vocab.units[two], second.end()) if two in vocab.units else None


def _name_or_possessive_before(text: str, last: tuple[str, int] | None, vocab: _Vocabulary) -> bool:
    """A number directly after a capitalised word inside a sentence is part of a name (Nacra 17,
    Boeing 747, and product names capitalised inside: iPhone 7); after her/his/their it names a
    class ("her 470 gold").  `last` is the word just before the number."""
    if not last:
        return False
    word, pos = last
    if word.lower() in _POSSESSIVES:
        return True
    if not word[0].isupper():
        return any(ch.isupper() for ch in word)
    before = text[max(0, pos - 8):pos].rstrip()
    return bool(before) and before[-1] not in ".!?:;\"“‘'(" and word.lower() not in vocab.qualifiers


# --- over articles --------------------------------------------------------------------------

_TABLE_HINT = regex.compile(r"\||\s/\s|\t")
_TABLE_SEPARATORS = regex.compile(r"\s*+\|\s*+|\s++/\s++|\t")
_SCALE_HEADER = regex.compile(r"\(?([£$€])\s*+(m|bn|k|000s|million)?\)?", regex.IGNORECASE)
_SCALE_WORDS = {"m": 1e6, "million": 1e6, "bn": 1e9, "k": 1e3, "000s": 1e3, None: 1.0}


def _may_be_table(text: str) -> bool:
    """_TABLE_HINT.search, with plain substring tests first: most lines hold no separator."""
    return ("|" in text or "\t" in text or "/" in text) and _TABLE_HINT.search(text) is not None


def table_cells(text: str) -> list[tuple[int, int, str]]:
    """Cells of a table row written with `|`, " / " or tab separators, with their offsets.
    A line with no separator is one cell."""
    cells, pos = [], 0
    for m in _TABLE_SEPARATORS.finditer(text):
        if m.start() > pos:
            cells.append((pos, m.start(), text[pos:m.start()]))
        pos = m.end()
    if pos < len(text):
        cells.append((pos, len(text), text[pos:]))
    return cells


def column_money_scale(header: str) -> tuple[str, float] | None:
    """("GBP", 1e6) for a header cell such as "Funding (£m)"; None when it names no currency."""
    m = _SCALE_HEADER.search(header)
    if not m or ("(" not in header and "£m" not in header.replace(" ", "")):
        return None
    code = _currencies()[0].get(m[1])
    return (code, _SCALE_WORDS[(m[2] or "").lower() or None]) if code else None


def extract_figures(articles: list[Article]) -> list[Figure]:
    """Every quantity in the content lines of the articles.  Inside a table whose header
    names a money column ("Funding (£m)"), bare numbers in that column are read as money."""
    out: list[Figure] = []
    for art in articles:
        column_scales: list[tuple[str, float] | None] | None = None
        for line in art.content():
            cells = table_cells(line.text) if _may_be_table(line.text) else []
            if len(cells) > 1:
                scales = [column_money_scale(c[2]) for c in cells]
                if any(scales):
                    column_scales = scales
                    rows = [q for c in cells for q in _shift(_quantities(c[2], None), c[0])]
                elif column_scales and len(cells) <= len(column_scales):
                    rows = [q for c, scale in zip(cells, column_scales)
                            for q in _shift(_quantities(c[2], scale), c[0])]
                else:
                    rows = _quantities(line.text, None)
            else:
                column_scales = None
                rows = _quantities(line.text, None)
            if rows:
                out.extend(_figures_of_line(art, line.number, line.text, rows))
    return out


# A "sentence" longer than this is a run of text with no sentence end (a scraped blob, a
# stream pasted without punctuation): a figure in it carries a window of the words within
# SENTENCE_CONTEXT characters of it instead, or a megabyte line holding 10^5 figures would
# write a terabyte of JSON.  Real sentences stay well under 1,000 characters.
MAX_SENTENCE_CHARS = 2000
SENTENCE_CONTEXT = 200


def _figures_of_line(art: Article, number: int, text: str, rows: list[tuple]) -> list[Figure]:
    """Records of the quantity rows of one line (in text order), each with its sentence.  The
    sentences are found once per line and each is cut out once, so figures sharing a sentence
    share one string (a long line full of numbers is not copied once per number); in an
    overlong one, the figures that end inside a window share it."""
    if "." in text or "!" in text or "?" in text:
        spans = sentence_spans(text) or [(0, len(text))]
    else:  # no sentence ends (a headline, a table row): the line is one sentence
        spans = [(0, len(text))]
    out: list[Figure] = []
    index, sentence, sentence_end = 0, None, -1
    for start, end, value, unit, qualifier, approx, counts in rows:
        while index + 1 < len(spans) and spans[index + 1][0] <= start:
            index, sentence = index + 1, None
        first, last = spans[index]
        if last - first > MAX_SENTENCE_CHARS:
            if sentence is None or end > sentence_end:
                window_start, sentence_end = _window(text, first, last, start, end)
                sentence = text[window_start:sentence_end]
        elif sentence is None:
            sentence = text[first:last]
        out.append(Figure(art.source, art.number, number, start, end, text[start:end], value, unit,
                          qualifier, approx, counts, sentence))
    return out


def _window(text: str, first: int, last: int, start: int, end: int) -> tuple[int, int]:
    """The span of the whole words of text[first:last] within SENTENCE_CONTEXT characters
    of the figure at start..end."""
    low, high = max(first, start - SENTENCE_CONTEXT), min(last, end + SENTENCE_CONTEXT)
    if low > first:  # a space just before `low` keeps the word at `low`
        space = text.find(" ", low - 1, start)
        low = space + 1 if space >= 0 else start
    if high < last:  # as does a space at `high` for the word before it
        space = text.rfind(" ", end, high + 1)
        high = space if space >= 0 else end
    return low, high


def _shift(rows: list[tuple], offset: int) -> list[tuple]:
    """Quantity rows of a table cell, with offsets in the whole line."""
    return [(start + offset, end + offset, *rest) for start, end, *rest in rows]
