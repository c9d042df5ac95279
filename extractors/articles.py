"""Cut a stream of pasted news articles into articles and label every line.

A stream has no separators, so a boundary is inferred from evidence that an article starts
afresh: a lede that introduces its story from scratch (full names where the previous lines
used surnames, few words shared with the text before, no pronoun or connective leaning on
earlier text, facts of an earlier lede told again), a headline or page furniture just before
it, and a change of house style (curly vs straight quotes, paragraphs of one sentence or of
several).  These are weighed by a small logistic model (`data/split_model.txt`, trained by
`bench/train_split.py`).

Only prose lines can open an article.  Headings and debris never start one by themselves:
the headline and leading furniture (bylines, dates) in front of a new lede are attached to
it, trailing furniture stays with the article before.

The stream is read once, front to back, with a few prose lines of look-ahead (enough for
about 140 words), so memory holds the current article and a few lines, never the whole stream.
"""
from __future__ import annotations

import math
import sys
from bisect import bisect_right
from collections import deque
from dataclasses import dataclass, field
from functools import cache
from itertools import repeat
from operator import attrgetter, itemgetter
from typing import Iterable, Iterator

import regex

from .text import BODY, DEBRIS_KINDS, HEADLINE, Article, Line, data_lines, data_set, sentence_spans

SUBHEADING = "subheading"
SECTION_HEADING = "section_heading"
STAT_LINE = "stat_line"
BOILERPLATE = "boilerplate"
RELATED_LINK = "related_link"
CAPTION = "caption"

# Line categories before kinds are settled.
PROSE, SHORT, STAT, DEBRIS = "prose", "short", "stat", "debris"

MAX_HEADING_WORDS = 20
MAX_FURNITURE_WORDS = 15
FURNITURE_CHARS = 200  # longer lines are never furniture
MAX_ROLE_LINE_WORDS = 6  # "Bruce Y. Lee Senior Contributor"
ANALYSIS_CHARS = 400
SENTENCES_COUNTED = 4
# An article longer than this is emitted as it stands, so memory stays bounded even on a
# stream that never shows a boundary.
MAX_ARTICLE_LINES = 20000
# A paragraph that opens with a wire dateline is the first of its story: agencies put the
# dateline on the lede only.  So is a paragraph whose first sentence describes afresh a place
# the text before has already named ("the key northern Afghan city of Kunduz"): another
# outlet's article on the same story.  The boundary model, trained on copy with neither,
# cannot learn them, so these rules lift the opening probability just over the threshold; a
# likelier opening among the lines right before it (its headline read as prose) still wins.
# So is a paragraph after a byline or a date that shares no word and at most one name with the text
# before: the furniture that opens a web page's article, then a new subject.  (A byline among
# the paragraphs of one article mostly comes from a page's furniture pasted with it, and the
# text around it goes on with the same words.)
# They do not apply when an opening was found in the last few paragraphs: web pages put
# menus and link lists that read as prose between an article's headline and its lede.  (A
# dateline or a source in the present perfect is the lede's own sentence, no menu line: only
# an opening right before it stops these two, so a short article before it does not.)
OPENING_CUE_MARGIN = 0.01
# The opening probability a prose line needs after a heading that names only what the text
# before has named, in a stream without headlines (see `_names_a_known_topic`).
SUBHEADING_OPENING = 0.8
DATELINE_GAP_LINES = 4


@dataclass
class SplitRecord:
    source: str
    article: int
    first_line: int
    last_line: int
    title: str
    text: str
    dropped: list[dict] = field(default_factory=list)
    headings: list[dict] = field(default_factory=list)


@dataclass
class LineRecord:
    source: str
    article: int
    line: int
    kind: str
    text: str


# --------------------------------------------------------------------------- line shape

_TOKEN = regex.compile(r"[\p{L}\p{N}]++(?:['’.\-][\p{L}\p{N}]++)*+")
_NORMALISE = regex.compile(r"[^\p{L}\p{N}]++")
_SENTENCE_BREAK = regex.compile(r"[.!?][\"'”’)]?+\s++[\"“‘']?+\p{Lu}")
# (a label may end in a number, "Funding for Paris 2024: £24.6m", but a colon between digits
# is a clock's: "Updated at 1:23 p.m.")
_STAT = regex.compile(r"^\p{Lu}[\p{L}\p{N} '’()\-]{0,40}+(?:(?<!\d):\s*+|(?<=\d):\s++)\S.{0,80}$")
_DIGIT = regex.compile(r"\d")
# A wire-copy dateline: the place in capitals, maybe a region and the agency, then a dash
# ("WASHINGTON (AP) —", "DUBAI, United Arab Emirates —", "LONDON (Reuters) -").
_WIRE_DATELINE = regex.compile(
    r"^\p{Lu}{3,}+(?:[ .'’\-]\p{Lu}{2,}+)*+\.?+(?:,\s*+\p{Lu}[\p{L}.]*+(?:\s++\p{Lu}[\p{L}.]*+){0,3}+)?+"
    r"\s*+(?:\(\p{Lu}[\p{L}.\- ]{0,25}+\)\s*+)?+[—–\-]{1,2}+\s")
_LIST_ITEM = regex.compile(r"^(\d{1,2})[.)]\s++\S")
# The signature an embedded social-media post leaves in page text: a dash, the author, the
# handle in brackets (then usually the date).
_POST_SIGNATURE = regex.compile(r"^[—–\-]\s*+[^()\n]{1,80}+\(@\w{1,30}+\)")
_DATELINE = regex.compile(r"^\p{Lu}[\p{Lu}\p{L} .,'’\-]{1,40}+(?:\([^)]{1,30}+\))?+\s*+[—–\-]{1,2}+\s")
_COUNTER = regex.compile(r"^(?:image|photo|picture|slide|item)?\s*+\d{1,3}+\s*+(?:/|of)\s*+\d{1,3}+$",
                         regex.IGNORECASE)
# A wire story's closing credits, however many names they list: "(Reporting by Greg
# Roumeliotis and Joshua Franklin; Editing by Nick Zieminski)".
_WIRE_CREDIT = regex.compile(r"^\(?+(?i:(?:additional\s++)?+(?:reporting|editing|writing)\s++by)\s++\p{Lu}")
_BYLINE = regex.compile(r"^(?:by|from|words by|reporting by|written by)\s++\p{Lu}", regex.IGNORECASE)
_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*+\.?+")
_DATE = regex.compile(
    rf"(?:\b\d{{1,2}}(?:st|nd|rd|th)?+\s++{_MONTH}\s++\d{{4}}|\b{_MONTH}\s++\d{{1,2}}(?:st|nd|rd|th)?+,?+\s++\d{{4}}"
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}[:.]\d{2}\s*+(?:am|pm|a\.m\.|p\.m\.|gmt|bst|est|edt|pst|cst|utc|ist)\b"
    r"|\b\d+\s++(?:min|mins|minutes|hours?|days?)\s++ago\b)",
    regex.IGNORECASE)
_CONTACT = regex.compile(r"(?:@\w|https?://|www\.|\.com\b|\.co\.uk\b|\.org\b)", regex.IGNORECASE)
_AUTHOR_HANDLE = regex.compile(r"(?:\p{Lu}[\p{L}.'’\-]*+\s++){2,4}+@\w++\s*+$")  # a byline: "Keris Lahiff @kerisalison"
_SHARE_COUNT = regex.compile(r"^\d[\d,.]*+k?+\s++(?:shares?|comments?|views?|likes?)$", regex.IGNORECASE)
_NUMBERS_ALONE = regex.compile(r"\s*+\d[\d\s,]*+$")
# Page code scraped with the text: an HTML tag or a shortcode with attributes
# ('<script type="text/javascript" ...', '[button link="..." type="big"]').
_MARKUP = regex.compile(r"\s*+(?:</?+[a-zA-Z][a-zA-Z0-9]*+(?:\s++[a-zA-Z\-]++=|\s*+/?+>)|\[[a-z_]++\s++[a-z_]++=)")
# A site's rights notice, furniture even when written as sentences ("Copyright 2021 The
# Associated Press. All rights reserved. This material may not be published ...").
_RIGHTS_NOTICE = regex.compile(r"\s*+(?:copyright\b|©|\(c\)(?=\s*+\d))", regex.IGNORECASE)
# A link to another story: its title cut short ("... as Hurri...") or tagged with its
# section ("... after eating marmot [INSIGHT]").
_TEASER = regex.compile(r"(?:\p{L}(?:\.\.\.|…)|\[\p{Lu}[\p{Lu} ]{2,14}+\])\s*+$")
_CREDIT = regex.compile(r"\(([^()]{2,60}+)\)\s*+$")
# The three line shapes told by how a line opens, tried in one match (in this order); the
# name of the group that matched is the shape.
_OPENING = regex.compile("|".join(f"(?P<{name}>{pattern.pattern})" for name, pattern in (
    ("post_signature", _POST_SIGNATURE), ("wire_credit", _WIRE_CREDIT), ("wire_dateline", _WIRE_DATELINE))))
_QUOTE_OPEN = "\"“‘'«"
# A first sentence that ends with its source and a verb of saying in the present perfect
# (", Lib Dem leader Charles Kennedy has said."): how British outlets write a lede.  Of 2,225
# BBC articles 118 open so, and 3 of 8,410 later paragraphs.
_PERFECT_ATTRIBUTION = regex.compile(r",[^,]{3,80}?\b(?:has|have)\s(\p{Ll}++)\b[^.]{0,40}+\.?+$")
# A paragraph that opens with a quotation given to a pronoun ('"What a shame," she said.')
# leans on a person named before it: of 2,225 BBC articles and 181 web pages, no article
# opens so, while 280 later paragraphs do.
_QUOTE_BY_PRONOUN = regex.compile(r"[\"“‘'][^\"“”]{5,400}?[\"”’'],?\s++(?i:he|she|they|we)\s++(\p{Ll}++)")
_QUOTE_CLOSE = "\"”’'»"
_ROLE_APPOSITION = regex.compile(r"\p{Lu}\p{Ll}++\s++\p{Lu}[\p{L}\-]++,\s++(?:a|an|the)\s")
_ROLE_APPOSITION_TAIL = regex.compile(r",\s++(?:a|an|the)\s")  # found faster; the full pattern only where it is
_PLACE_NOUNS = ("city", "town", "province", "region", "capital", "village", "district", "county", "state", "island",
                "port", "country")
_LONGEST_PLACE_NOUN = max(map(len, _PLACE_NOUNS))
_REINTRODUCED = regex.compile(rf"\b(?:{'|'.join(_PLACE_NOUNS)})\s++of\s++(\p{{Lu}}[\p{{L}}\-]++)")
# A lede's own description of its place, early in its first sentence and not inside a
# prepositional phrase ("The Taliban have captured the key northern Afghan city of Kunduz"),
# unlike a later paragraph's aside ("Zaranj in the south-western province of Nimroz").
_LEDE_DESCRIPTOR = regex.compile(
    r"(?<!\b(?i:in|of|from|near|at|to|across|around|outside|inside|into|towards?)\s++)"
    rf"\bthe\s++(?:[\p{{L}}\-]++\s++){{1,4}}?(?:{'|'.join(_PLACE_NOUNS)})\s++of\s++(\p{{Lu}}[\p{{L}}\-]++)")
LEDE_DESCRIPTOR_CHARS = 80
LEDE_REINTRODUCTION = "lede_reintroduction"
FRESH_AFTER_FURNITURE = "fresh_after_furniture"
# Part of every match of `_REINTRODUCED`, found far faster: most paragraphs go no further.
# The search starts at the literal "of" (the engine skips to it), the space before is
# checked behind it.
_OF_CAPITALISED = regex.compile(r"(?<=\s)of\s++\p{Lu}")


def _norm(text: str) -> str:
    return _NORMALISE.sub(" ", text).strip().lower()


# The word-internal punctuation `_TOKEN` keeps ("don't", "U.S", "6-3"), as a space.
_INNER_PUNCTUATION_AS_SPACE = str.maketrans("'’.-", "    ")


def _norm_of_words(words: list[str]) -> str:
    """`_norm` of a text from its `_TOKEN` words (all of them): the same runs of letters and
    digits, without running a pattern over the text again."""
    return " ".join(words).translate(_INNER_PUNCTUATION_AS_SPACE).lower()


@dataclass(slots=True)
class _Info:
    """What the splitter needs to know about one line, computed once when it is read."""

    line: Line
    category: str
    debris_kind: str = ""
    words: tuple[str, ...] = ()
    lowered: tuple[str, ...] = ()  # the words in lower case (prose lines only)
    vocab: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    full_names: frozenset[str] = frozenset()
    surnames: frozenset[str] = frozenset()
    leading: bool = False  # byline or date: furniture that belongs to the article below it
    sentences: int = 1  # counted up to SENTENCES_COUNTED: no feature tells more apart
    wire_dateline: bool = False
    later_list_item: bool = False  # "5. Try yoga": a numbered heading past the first of a list
    post_signature: bool = False  # "— Name (@handle) November 18, 2019" under an embedded post
    quote_by_pronoun: bool = False  # '"What a shame," she said.': no article's first paragraph
    perfect_attribution: bool = False  # "…, Lib Dem leader Charles Kennedy has said.": a lede
    lede: float = 0.0  # log-odds that the paragraph reads as an article's first one
    lines_before: int = 0  # non-prose lines between this prose line and the one before
    after_heading: bool = False  # a heading-shaped line comes right before it
    curly: bool = False
    straight: bool = False


def _furniture_kind(text: str, norm: str, words: list[str]) -> tuple[str, bool]:
    """(debris kind or "", leading?) for page furniture recognised by its own shape."""
    if not norm:
        return (BOILERPLATE, False) if text.strip() else ("", False)
    n_words = len(words)
    if norm in _LEADING_PREFIXES:
        return BOILERPLATE, True  # a byline's prefix alone, its names on the lines below: "By"
    if norm in data_set("split_boilerplate.txt") or _NUMBERS_ALONE.match(text):
        return BOILERPLATE, False  # (numbers alone: a counter, a share count)
    if _RIGHTS_NOTICE.match(text) and (_DIGIT.search(text) or "©" in text or "rights reserved" in norm):
        return BOILERPLATE, False
    if _MARKUP.match(text) or any(map(norm.__contains__, data_set("split_boilerplate_phrases.txt"))):
        return BOILERPLATE, False
    first = norm.split(" ", 4)
    if " ".join(first[:2]) in data_set("split_caption_labels.txt"):
        return CAPTION, False
    if ((_BYLINE.match(text) or first[0] in _DATED_PREFIXES) and n_words <= MAX_FURNITURE_WORDS + 5
            and _DIGIT.search(text) and _DATE.search(text)):
        # a byline or a publication stamp with its date, which may end like a sentence:
        # "By A and B on Monday, November 18th, 2019 at 11:08 a.m.", "Published: Nov. 19, 2019, 6:18 p.m."
        return BOILERPLATE, True
    sentence = _reads_as_sentence(text)
    if _asks_to_be_followed(first[0], norm, sentence) or _promotes_the_site(first[0], norm, n_words):
        return BOILERPLATE, False
    if n_words > MAX_FURNITURE_WORDS or sentence:
        return "", False
    for size in (4, 3, 2, 1):
        head = " ".join(first[:size])
        if len(first) >= size:
            if head in data_set("split_related_prefixes.txt"):
                return RELATED_LINK, False
            if head in data_set("split_boilerplate_prefixes.txt"):
                return BOILERPLATE, head in _LEADING_PREFIXES
    colon = text.find(":")
    if 0 < colon <= 20 and _norm(text[:colon]) in data_set("split_caption_prefixes.txt"):
        return CAPTION, False
    if _COUNTER.match(text.strip()) or _SHARE_COUNT.match(text.strip()):
        return BOILERPLATE, False
    if _TEASER.search(text) and not any(q in text for q in _QUOTE_OPEN):
        return RELATED_LINK, False  # a cut or tagged title of another story
    if _BYLINE.match(text) and n_words <= 8:
        return BOILERPLATE, True
    if n_words <= 12 and _DIGIT.search(text) and _DATE.search(text):  # every date form has a digit
        return BOILERPLATE, True
    if n_words <= 6 and _CONTACT.search(text):
        return BOILERPLATE, bool(_AUTHOR_HANDLE.match(text))
    if n_words <= MAX_ROLE_LINE_WORDS and norm.rpartition(" ")[2] in data_set("split_byline_roles.txt"):
        return BOILERPLATE, False  # the author's line under or over a byline: "CBS Sports Writer"
    credit = _CREDIT.search(text)
    if credit and n_words >= 4 and not _DIGIT.fullmatch(credit.group(1)):
        inner = credit.group(1)
        if "/" in inner or inner.split()[0] in ("AP", "Reuters", "AFP", "PA", "EPA", "Getty", "Photo:", "Image:"):
            return CAPTION, False
    return "", False


def _asks_to_be_followed(first_word: str, norm: str, sentence: bool) -> bool:
    """A site asking to be followed elsewhere: a short line ending with the platform ("Follow
    Sky News on WhatsApp", "Like us on Facebook"), or a sentence opening with "Follow" that
    names one ("Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.")."""
    if first_word not in data_set("split_call_to_action_verbs.txt"):
        return False
    platforms = data_set("split_social_platforms.txt")
    if not sentence:
        return norm.rpartition(" ")[2] in platforms
    return first_word == "follow" and not platforms.isdisjoint(norm.split())


def _promotes_the_site(first_word: str, norm: str, n_words: int) -> bool:
    """A site's call to the reader to get more of it: a line opening with such a verb that
    speaks of the site's own offer ("Join our Space Forums ...", "Get Quanta Magazine
    delivered to your inbox", "Get breaking science news on ...", "Follow AP's full coverage
    of Brexit at https://...")."""
    return first_word in data_set("split_call_to_action_verbs.txt") and n_words <= MAX_PROMOTION_WORDS \
        and not data_set("split_promotion_words.txt").isdisjoint(norm.split())


MAX_PROMOTION_WORDS = 40
_LEADING_PREFIXES = frozenset({"by", "posted by", "posted", "published", "updated", "last updated"})
_DATED_PREFIXES = frozenset({"posted", "published", "updated"})


def _reads_as_sentence(text: str) -> bool:
    stripped = text.rstrip("\"'”’)» ")
    return stripped.endswith((".", "!", ";", ",")) and not stripped.endswith("...")


def _is_heading_shape(text: str, words: list[str]) -> bool:
    """Short, capitalised, no sentence-final stop, and not a paragraph broken mid-sentence."""
    if not words or len(words) > MAX_HEADING_WORDS or len(text) > 160:
        return False
    stripped = text.strip()
    first = stripped.lstrip(_QUOTE_OPEN + "(")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if stripped.rstrip(_QUOTE_CLOSE + ")").endswith((".", ",", ";", ":", "…")):
        return False
    return words[-1].lower() not in data_set("split_function_words.txt")


LEDE_WORDS = 25


def lede_tokens(words: list[str], vocabulary: frozenset[str] | dict,
                lowered: Iterable[str] | None = None) -> list[str]:
    """The tokens the lede lexicon looks at: the opening words of a paragraph, common words
    as themselves and others by shape (capitalised, number, lower case), so that the lexicon
    learns how ledes are written rather than what they are about.  Each token once, in a
    fixed order, so that scores add up to the same float in every run.  `lowered`, the
    words in lower case, saves lower-casing them again when the caller has them."""
    opening = words[:LEDE_WORDS]
    tokens = [lower if lower in vocabulary else "C" if word[0].isupper() else "0" if word[0].isdigit() else "w"
              for word, lower in zip(opening, map(str.lower, opening) if lowered is None else lowered)]
    if tokens:
        tokens.append("^" + tokens[0])
        if len(tokens) > 2:
            tokens.append("^" + tokens[0] + "_" + tokens[1])
    return list(dict.fromkeys(tokens))


@cache
def _lede_weights() -> dict[str, float]:
    weights = {}
    try:
        rows = data_lines("split_lede_words.txt")
    except FileNotFoundError:  # while bench/train_split.py builds it
        rows = ()
    for row in rows:
        token, value = row.rsplit("\t", 1)
        weights[token] = float(value)
    return weights


def lede_score(words: list[str], lowered: Iterable[str] | None = None) -> float:
    """Log-odds (naive Bayes, `data/split_lede_words.txt`) that a paragraph opening with
    these words is a lede."""
    weights = _lede_weights()
    tokens = lede_tokens(words, weights, lowered)
    return sum(map(weights.get, tokens, repeat(0.0, len(tokens))))


# Punctuation that may stand before or after a word (never a letter or digit).
_WORD_EDGES = "\"'“”‘’.,;:!?()[]—–-…«»*/"


def paragraph_words(text: str) -> list[str]:
    """Words of a paragraph's opening, where the evidence about it lies; the cut keeps the
    work per line bounded however long the line is.

    The words are those `_TOKEN` finds, but most of them are a run of ASCII letters and
    digits between spaces and punctuation, recognised by string methods for a fraction of
    the cost of running the pattern over every character; the pattern reads the rest."""
    words = []
    for chunk in text[:ANALYSIS_CHARS].split():  # no word spans a space
        # Most chunks are a word as they stand; others lose the punctuation around them
        # (no word begins or ends with it), which is only then looked for.
        plain = chunk.isalnum() or (chunk := chunk.strip(_WORD_EDGES)).isalnum()
        if plain and chunk.isascii():
            words.append(chunk)
        elif chunk:
            words += _TOKEN.findall(chunk)
    return words


@cache
def _function_words() -> tuple[frozenset[str], frozenset[str]]:
    """Function words, lower case and as they look capitalised."""
    lower = data_set("split_function_words.txt")
    calendar = {w.capitalize() for w in data_set("split_calendar_words.txt")}
    return lower, frozenset({w.capitalize() for w in lower} | {w.upper() for w in lower} | calendar)


@cache
def _not_vocabulary_ascii() -> frozenset[str]:
    """Lower-case ASCII words that are no vocabulary: function words, and words of one or
    two characters (ASCII ones are letters and digits), so that one set difference takes
    them out of the words of an ASCII paragraph."""
    alphanumerics = "abcdefghijklmnopqrstuvwxyz0123456789"
    short = {a + b for a in ["", *alphanumerics] for b in alphanumerics}
    return _function_words()[0] | short


_POSSESSIVES = ("'s", "’s")


# Lines of a deal post: a call to buy, sending the reader to a shop with the price ("Get it at
# Walmart for $238.99", 'Use code "50OFF699" to get it at Dell for $799.99', "Download Dashlane
# Password Manager for Free"), and a deal's title with its price to the cent after "for" or
# "now" ("PS4 DualShock Controller in Crystal for $39.99").
_CALL_TO_BUY = regex.compile(r"(?:Get|Buy|Grab|Order|Shop|Use code|Sign up|Download|Subscribe)\b"
                             r"(?:[^$£€\n]{0,80}+[$£€]\d|.{0,80}?\b(?:(?i:for free)|\d++\.\d\d)$)")
_DEAL_TITLE = regex.compile(r"\b(?i:for|now|only|just) [$£€]\d[\d,]*+\.\d\d$")


def _deal_line(text: str) -> bool:
    """Capitalised and without a full stop, a deal post's lines read on as the deal's
    sentences: no heading, nor a headline of the next deal."""
    return _CALL_TO_BUY.match(text) is not None or _DEAL_TITLE.search(text) is not None


def _analyse(number: int, text: str) -> _Info:
    line = Line(number, text)
    words = paragraph_words(text)  # a line of furniture length is tokenised whole
    opening = _OPENING.match(text)
    opening = opening.lastgroup if opening else ""
    if opening == "post_signature":
        return _Info(line, PROSE, words=tuple(words), post_signature=True)
    if opening == "wire_credit":
        return _Info(line, DEBRIS, BOILERPLATE)
    if len(text) <= FURNITURE_CHARS:
        kind, leading = _furniture_kind(text, _norm_of_words(words), words)
        if kind:
            return _Info(line, DEBRIS, kind, leading=leading)
        if _STAT.match(text) and len(words) <= 14 and _DIGIT.search(text, text.find(":")):
            return _Info(line, STAT, words=tuple(words))
        if _is_heading_shape(text, words) and not _deal_line(text):
            item = _LIST_ITEM.match(text)
            return _Info(line, SHORT, words=tuple(words), later_list_item=bool(item) and int(item.group(1)) > 1)
    function_words, capitalised_function_words = _function_words()
    lowered = tuple(map(str.lower, words))
    if text.isascii():  # one set difference in C instead of a test per word
        vocab = frozenset(lowered).difference(_not_vocabulary_ascii())
        if "'s" in text or "'S" in text:  # a possessive is the word itself ("Indiana's" is "indiana");
            # no word holds a space, so "'s " ends one, and all are mended in one string
            vocab = frozenset(" ".join([*vocab, ""]).replace("'s ", " ").split())
    else:
        vocab = frozenset([w[:-2] if w.endswith(_POSSESSIVES) else w for w in lowered
                           if len(w) > 2 and w not in function_words])
    # The capitalised words after the first, and each that follows another capitalised word
    # (a full name may be such a pair), found in one pass.
    capitals = set()
    adjacent = []
    before = words[0] if words and words[0][0].isupper() else ""
    for word in words[1:]:
        if word[0].isupper():
            capitals.add(word)
            if before:
                adjacent.append((before, word))
            before = word
        else:
            before = ""
    # A name is the same name with its possessive ("Indiana’s Richmond High School").
    names = frozenset({w[:-2] if w.endswith(_POSSESSIVES) else w for w in capitals} - capitalised_function_words)
    full_names = surnames = ()
    if names:
        capitalised = names | {words[0]} if words[0][0].isupper() else names
        pairs = [(a, b) for a, b in adjacent if b in names and a in capitalised]
        if pairs:
            full_names, surnames = map(" ".join, pairs), map(itemgetter(1), pairs)
    # Substring tests find a quote character for far less than a pattern search does.
    curly = "’" in text or "“" in text or "”" in text or "‘" in text
    sentences, first_sentence = _sentences_and_first(text)
    return _Info(line, PROSE, words=tuple(words), lowered=lowered, vocab=vocab, names=names,
                 full_names=frozenset(full_names), surnames=frozenset(surnames),
                 sentences=sentences, wire_dateline=opening == "wire_dateline",
                 lede=lede_score(words, lowered), curly=curly,
                 straight=not curly and ('"' in text or "'" in text),
                 quote_by_pronoun=text[:1] in _QUOTE_OPEN and _quote_by_pronoun(text),
                 perfect_attribution=_ends_with_perfect_attribution(first_sentence))


def _sentences_and_first(text: str) -> tuple[int, str]:
    """How many sentences a paragraph has (up to SENTENCES_COUNTED) and the first, as
    `_SENTENCE_BREAK` cuts them.  Every break begins at a stop; in a paragraph whose only
    stops are full stops the pattern is tried at each one, which `str.find` finds for far
    less than the pattern's own scan over every character costs."""
    if "!" in text or "?" in text:
        sentences = _SENTENCE_BREAK.split(text, SENTENCES_COUNTED - 1)
        return len(sentences), sentences[0]
    count, first, start = 1, text, 0
    while count < SENTENCES_COUNTED and (stop := text.find(".", start)) >= 0:
        if match := _SENTENCE_BREAK.match(text, stop):
            if count == 1:
                first = text[:stop]
            count += 1
            start = match.end()
        else:
            start = stop + 1
    return count, first


def _ends_with_perfect_attribution(first_sentence: str) -> bool:
    """Does the first sentence (as `_SENTENCE_BREAK` cuts it: without its full stop when
    another follows) end with ", <source> has said"?"""
    if (" has " not in first_sentence and " have " not in first_sentence) or len(first_sentence) > ANALYSIS_CHARS:
        return False
    match = _PERFECT_ATTRIBUTION.search(first_sentence.rstrip())
    return bool(match) and match.group(1) in _attribution_verbs()


def _quote_by_pronoun(text: str) -> bool:
    match = _QUOTE_BY_PRONOUN.match(text)
    return bool(match) and match.group(1) in _attribution_verbs()


@cache
def _attribution_verbs() -> frozenset[str]:
    """Verbs of saying: the words of the claims cue lexicon."""
    return frozenset(row.split()[0] for row in data_lines("claims_cues.txt"))


# --------------------------------------------------------------------------- features


CONTEXT_LINES = 6
CONTEXT_WORDS = 200
MEMORY_LINES = 24  # how far back a sub-heading, a re-introduced place or a retold lede is looked for
LOOKAHEAD_LINES = 3
LOOKAHEAD_WORDS = 140
MAX_LOOKAHEAD_LINES = 8
RECENT_OVERLAPS = 4
EARLY_WORDS = 15


@dataclass
class _Context:
    """The prose lines just before a candidate (not reset at boundaries, so every decision
    is judged on the same footing whatever was decided before it)."""

    vocab: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    full_names: set[str] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)
    lines: int = 0
    one_sentence_lines: int = 0
    curly: int = 0
    straight: int = 0
    after_headings: int = 0
    non_prose_lines: int = 0
    last_novelty: float = 0.0  # share of the last line's words new to the lines before it

    @classmethod
    def of(cls, window: list[_Info]) -> "_Context":
        """The context of a non-empty window (counted in local variables: this runs for
        every prose line, over several lines each time)."""
        vocab = set().union(*[info.vocab for info in window[:-1]])
        last = window[-1].vocab
        earlier_words = len(vocab)
        vocab |= last  # grows by the words of the last line new to the lines before it
        last_novelty = (len(vocab) - earlier_words) / len(last) if last and earlier_words else 0.0
        names, full_names, surnames = set(), set(), set()
        one_sentence_lines = curly = straight = after_headings = non_prose_lines = 0
        for info in window:
            names |= info.names
            if info.full_names:  # and so surnames: most lines have none
                full_names |= info.full_names
                surnames |= info.surnames
            one_sentence_lines += info.sentences == 1
            curly += info.curly
            straight += info.straight
            after_headings += info.after_heading
            non_prose_lines += info.lines_before
        return cls(vocab, names, full_names, surnames, len(window), one_sentence_lines, curly, straight,
                   after_headings, non_prose_lines, last_novelty)


def _note_run(info: _Info, run: list[_Info]) -> None:
    """Record on a prose line what stood between it and the prose line before."""
    info.lines_before = len(run)
    info.after_heading = bool(run) and run[-1].category == SHORT


def _name_table(template: str, domains: tuple, values: tuple = ()) -> dict:
    """The names of a feature template for every combination of values, nested one plain
    dict per value (`_name_table("x:lede{}:style{}", (range(10), range(4)))[3][2]` is
    "x:lede3:style2")."""
    domain, *rest = domains
    if not rest:
        return {value: sys.intern(template.format(*values, value)) for value in domain}
    return {value: _name_table(template, tuple(rest), (*values, value)) for value in domain}


# The values each feature template is filled with: the buckets `bisect_right` gives over
# the template's edges in `_features` (one more than there are edges), capped counts,
# "-" where nothing was measured, and words.
_OR_NONE = ("-", *range(5))
_BEFORE_KINDS = ("h", "d", "s", "-")
_OPENERS = ("continuation", "the", "a", "digit", "known_name", "new_capital", "other")  # `_opener`
_SHAPES = [f"{sentences}{words}" for sentences in range(4) for words in range(3)]  # the "{}{}" names
# Every feature name, formatted once, by template and values: `_NAME["lede:{}"][3]` is
# "lede:3".  A paragraph has forty-odd features: plain dicts nested by value find their
# names for a fraction of a lookup by a tuple of template and values.  Names are interned,
# as the model's are, so a weight's lookup meets the same object.
_NAME = {template: _name_table(template, domains) for template, domains in {
    "head_before:{}": (range(4),), "head_caps:{}": (range(3),), "head_seen:{}": (range(4),),
    "headings_recent:{}": (range(3),), "debris_before:{}": (range(4),), "sentences:{}": (range(5),),
    "words:{}": (range(6),), "opener:{}": (_OPENERS,), "prev_lede:{}": (range(4),),
    "prev_novelty:{}": (range(4),), "novel_article:{}": (range(6),), "novel_prev:{}": (range(4),),
    "cohesion_ahead:{}": (range(5),), "names_shared:{}": (range(5),), "window_overlap:{}": (range(5),),
    "overlap_drop:{}": (range(5),), "lede_echo:{}": (range(3),), "x:echo{}:lede{}": (range(3), range(4)),
    "new_names:{}": (range(5),), "old_names:{}": (range(4),), "style:{}": (range(4),),
    "style_change:{}{}": (range(4), range(4)), "lede:{}": (range(10),), "{}{}": (range(4), range(3)),
    "x:headed{:d}:before{}": ((False, True), _BEFORE_KINDS), "x:shape{}:style{}": (_SHAPES, range(4)),
    "x:shape{}:{}": (_SHAPES, _OPENERS), "x:before{}:{}": (_BEFORE_KINDS, _OPENERS),
    "x:before{}:shape{}": (_BEFORE_KINDS, _SHAPES), "x:before{}:style{}": (_BEFORE_KINDS, range(4)),
    "x:lede{}:style{}": (range(10), range(4)), "x:lede{}:before{}": (range(10), _BEFORE_KINDS),
    "x:lede{}:shape{}": (range(10), _SHAPES), "x:overlap{}:before{}": (_OR_NONE, _BEFORE_KINDS),
    "x:overlap{}:lede{}": (_OR_NONE, range(10)), "x:overlap{}:names{}": (_OR_NONE, _OR_NONE),
    "x:drop{}:lede{}": (_OR_NONE, range(10)), "x:drop{}:names{}": (_OR_NONE, _OR_NONE),
    "x:prevnovelty{}:lede{}": (range(4), range(10)),
}.items()}


@cache
def _function_word_features() -> dict[str, str]:
    """Feature name of each function word met early in a paragraph ("fw:he")."""
    return {word: sys.intern(f"fw:{word}") for word in data_set("split_function_words.txt")}


def _opener(words: tuple[str, ...], known_names: set[str], also_known: frozenset[str] = frozenset()) -> str:
    """How a paragraph begins: leaning on earlier text, or introducing something (a name
    in `known_names` or `also_known` is known: two sets spare building their union)."""
    first = words[0].lower() if words else ""
    if first in data_set("split_continuation_openers.txt"):
        return "continuation"
    if first in ("the", "a", "an"):
        return first if first == "the" else "a"
    if first[:1].isdigit():
        return "digit"
    if words and (words[0] in known_names or words[0] in also_known):
        return "known_name"
    if words and words[0][0].isupper():
        return "new_capital"
    return "other"


def _text_span(lines: Iterable[_Info], minimum: int, words: int) -> int:
    """How many of `lines` make up at least `minimum` lines and `words` words: the texture
    of a text is compared over like amounts of text, however it is cut into paragraphs
    (wire and tabloid copy puts every sentence on its own line)."""
    total = count = 0
    for count, info in enumerate(lines, 1):
        total += len(info.words)
        if count >= minimum and total >= words:
            break
    return count


_LEDE = attrgetter("lede")


def _features(cand: _Info, run: list[_Info], memory: list[_Info], upcoming: list[_Info],
              recent_overlaps: deque[float], headed: bool) -> tuple[list[str], str, float | None]:
    """Names of the binary features that hold for `cand` opening a new article, given the
    non-prose `run` just before it, the prose lines before that (`memory`, most recent last),
    the prose lines after it (`upcoming`), and the vocabulary overlaps measured at the last
    few paragraphs, and whether the stream's first article had a headline; the regime the
    features are weighed in; and the overlap measured here.  Most cues compare a window of
    text before with the text ahead."""
    window = memory[-_text_span(reversed(memory), CONTEXT_LINES, CONTEXT_WORDS):]
    ahead = upcoming[:_text_span([cand] + upcoming, LOOKAHEAD_LINES + 1, LOOKAHEAD_WORDS) - 1]
    ctx = _Context.of(window)
    prev = window[-1]
    nxt = ahead[0] if ahead else None
    text = cand.line.text
    words = cand.words
    feats = ["bias"]
    # Numbers are read in buckets: `bisect_right(edges, value)` is the index of the first
    # edge above the value.  Names come from `_NAME`, formatted once.
    # What lies between the previous prose line and this one.
    shorts = [r for r in run if r.category == SHORT] if run else []
    debris = [r for r in run if r.category == DEBRIS] if run else []
    if run and run[-1].category == SHORT:
        heading = run[-1].words
        n = len(heading)
        feats.append(_NAME["head_before:{}"][bisect_right((3, 6, 10), n)])
        caps = sum(w[0].isupper() for w in heading) / max(1, n)
        feats.append(_NAME["head_caps:{}"][bisect_right((0.5, 0.8), caps)])
        # A sub-heading names what the text around it is about ("The importance of Kunduz");
        # a headline of another article mostly does not.
        content = {w.lower() for w in heading if len(w) > 2} - data_set("split_function_words.txt")
        if content:
            # The few heading words are looked up in each line's vocabulary: far less work
            # than joining the vocabularies of the whole memory.
            seen = set().union(*[content & info.vocab for info in memory])
            seen_share = len(seen) / len(content)
            feats.append(_NAME["head_seen:{}"][bisect_right((0.01, 0.34, 0.67), seen_share)])
    elif shorts:
        feats.append("short_in_run")
    # Headings already seen among the last paragraphs: a page with sub-headings has more.
    feats.append(_NAME["headings_recent:{}"][min(ctx.after_headings, 2)])
    if debris:
        feats.append(_NAME["debris_before:{}"][min(len(debris), 3)])
        if any(r.leading for r in debris):
            feats.append("leading_furniture")
    # Shape of the line itself.
    sentences = cand.sentences
    feats.append(_NAME["sentences:{}"][min(sentences, 4)])
    feats.append(_NAME["words:{}"][bisect_right((8, 15, 25, 40, 60), len(words))])
    stripped = text.strip()
    if stripped[:1] in _QUOTE_OPEN:
        feats.append("starts_quote")
    elif cand.curly or cand.straight:
        feats.append("has_quote")
    if stripped[-1:] in _QUOTE_CLOSE:
        feats.append("ends_quote")
    if prev.line.text.rstrip()[-1:] in _QUOTE_CLOSE:
        feats.append("prev_ends_quote")
    opener = _opener(words, ctx.names)
    feats.append(_NAME["opener:{}"][opener])
    # Each pattern only where the characters it needs are (cheap tests first).
    if ("—" in text or "–" in text or "-" in text) and _DATELINE.match(text):
        feats.append("dateline")
    if _ROLE_APPOSITION_TAIL.search(text, 0, 200) and _ROLE_APPOSITION.search(text[:200]):
        feats.append("role_apposition")
    if " said" in text or " says" in text or " told " in text:
        feats.append("said")
    # Function words early in the paragraph: pronouns and tense are what make a sentence
    # lean on earlier text or open a story ("has launched", "will", "he", "it", "also").
    early_names = _function_word_features()
    early = dict.fromkeys(filter(early_names.__contains__, cand.lowered[1:EARLY_WORDS]))
    feats += map(early_names.__getitem__, early)
    if opener == "the" and len(words) > 1 and cand.lowered[1] in ctx.vocab:
        feats.append("definite_seen")
    # The paragraph before read as a lede: this one more likely goes on with its story.
    feats.append(_NAME["prev_lede:{}"][bisect_right((-1, 3, 7), prev.lede)])
    prev_novelty = bisect_right((0.5, 0.7, 0.85), ctx.last_novelty)
    feats.append(_NAME["prev_novelty:{}"][prev_novelty])
    # Continuity with the text before, and with the text after.
    vocab = cand.vocab
    if vocab:
        novelty = len(vocab - ctx.vocab) / len(vocab)
        feats.append(_NAME["novel_article:{}"][bisect_right((0.3, 0.45, 0.6, 0.75, 0.9), novelty)])
        if prev.vocab:
            novelty_prev = len(vocab - prev.vocab) / len(vocab)
            feats.append(_NAME["novel_prev:{}"][bisect_right((0.6, 0.75, 0.9), novelty_prev)])
        if nxt is not None and nxt.vocab:
            ahead_share = len(vocab & nxt.vocab) / len(vocab)
            cohesion = ahead_share - (1 - novelty)
            feats.append(_NAME["cohesion_ahead:{}"][bisect_right((-0.2, -0.05, 0.05, 0.2), cohesion)])
    else:
        feats.append("no_vocab")
    overlap_bucket = names_bucket = drop_bucket = "-"
    overlap = None
    if ahead:
        # Names shared by the text ahead and the text before: sections of one article keep
        # naming the same people and bodies, a new article mostly names others.
        names_after = cand.names.union(*[info.names for info in ahead])
        names_bucket = min(len(names_after & ctx.names), 4)
        feats.append(_NAME["names_shared:{}"][names_bucket])
        after = vocab.union(*[info.vocab for info in ahead])
        if after and ctx.vocab:
            overlap = len(after & ctx.vocab) / min(len(after), len(ctx.vocab))
            overlap_bucket = bisect_right((0.1, 0.2, 0.3, 0.45), overlap)
            feats.append(_NAME["window_overlap:{}"][overlap_bucket])
            if overlap_bucket == 0 and names_bucket <= 1 and any(r.leading for r in debris):
                feats.append(FRESH_AFTER_FURNITURE)
            # How far the overlap falls below its recent level (TextTiling's depth, one-sided):
            # list articles have low overlap throughout, a change of story drops it.
            if recent_overlaps:
                drop_bucket = bisect_right((-0.05, 0.05, 0.15, 0.25),
                                           sum(recent_overlaps) / len(recent_overlaps) - overlap)
                feats.append(_NAME["overlap_drop:{}"][drop_bucket])
    # Words of the likeliest lede among the lines before, told again: another outlet's
    # article on the same story restates its facts.
    if vocab:
        echoed = max(memory, key=_LEDE).vocab
        echo = bisect_right((0.2, 0.4), len(vocab & echoed) / len(vocab))
        feats += [_NAME["lede_echo:{}"][echo], _NAME["x:echo{}:lede{}"][echo][bisect_right((0, 3, 6), cand.lede)]]
    # A place or person already known, introduced again as if new ("the key northern
    # Afghan city of Kunduz"): a fresh article retelling the same story.
    of_capitalised = _OF_CAPITALISED.search(text, 0, ANALYSIS_CHARS)
    if of_capitalised:
        # No match begins before the place noun in front of the first "of <Capital>" (every
        # whitespace `\s` matches is whitespace to `rstrip`), so the search starts there.
        noun_end = len(text[:of_capitalised.start()].rstrip())
        for match in _REINTRODUCED.finditer(text, max(0, noun_end - _LONGEST_PLACE_NOUN), ANALYSIS_CHARS):
            if any(match.group(1) in info.names for info in memory):
                feats.append("reintroduced")
                break
        first_sentence = _SENTENCE_BREAK.search(text, 0, ANALYSIS_CHARS)
        described = _LEDE_DESCRIPTOR.search(text, 0, first_sentence.start() + 1 if first_sentence else ANALYSIS_CHARS)
        if (described and described.start() < LEDE_DESCRIPTOR_CHARS
                and any(described.group(1) in info.names for info in memory)):
            feats.append(LEDE_REINTRODUCTION)
    old_names = len(cand.names & ctx.names)
    feats.append(_NAME["new_names:{}"][min(len(cand.names) - old_names, 4)])
    feats.append(_NAME["old_names:{}"][min(old_names, 3)])
    if cand.full_names & ctx.full_names:
        feats.append("full_name_again")
    if (cand.names & ctx.surnames) - cand.surnames:
        feats.append("surname_only")
    if nxt is not None and _opener(nxt.words, ctx.names, cand.names) in ("continuation", "known_name"):
        feats.append("next_leans_back")
    # House typography: curly quotes after straight ones, or the reverse.  (The paragraphs
    # of one sentence from here on are counted in the same pass, for the house style below.)
    after_curly, after_straight, single_after = cand.curly, cand.straight, cand.sentences == 1
    for info in ahead:
        after_curly += info.curly
        after_straight += info.straight
        single_after += info.sentences == 1
    if ctx.straight and not ctx.curly and after_curly and not after_straight:
        feats.append("quote_style_change")
    elif ctx.curly and not ctx.straight and after_straight and not after_curly:
        feats.append("quote_style_change")
    elif (ctx.curly and after_straight) or (ctx.straight and after_curly):
        feats.append("quote_style_mixed")
    # House style of the text before: paragraphs of one sentence, or of several; and a change
    # of it in the paragraphs from here on (outlets differ, one article keeps its habit).
    style = bisect_right((0.25, 0.5, 0.75), ctx.one_sentence_lines / ctx.lines)
    feats.append(_NAME["style:{}"][style])
    if len(ahead) >= 2:
        style_after = bisect_right((0.25, 0.5, 0.75), single_after / (len(ahead) + 1))
        if abs(style_after - style) >= 2:
            feats.append(_NAME["style_change:{}{}"][style][style_after])
    # A few conjunctions, since the weight of one cue depends on another (a one-sentence
    # paragraph is telling among multi-sentence ones, not among one-sentence ones).
    lede = bisect_right((-8, -4, -1, 1, 3, 5, 7, 9, 12), cand.lede)
    feats.append(_NAME["lede:{}"][lede])
    shape = _NAME["{}{}"][min(sentences, 3)][bisect_right((15, 40), len(words))]
    before = "h" if run and run[-1].category == SHORT else "d" if debris else "s" if shorts else "-"
    # Regime: clean copy or a page with furniture, multi- or one-sentence paragraphs.  Every
    # cue is also given per regime, since their weights differ (a short line is telling in
    # clean copy, common on a web page).
    furnished = len(run) + ctx.non_prose_lines >= 2
    regime = ("f1" if style >= 2 else "fm") if furnished else ("c1" if style >= 2 else "cm")
    # A stream whose first article has no headline mostly has none for the others either:
    # a heading there is a sub-heading or furniture more often than a headline.
    feats += [_NAME["x:headed{:d}:before{}"][headed][before],
              _NAME["x:shape{}:style{}"][shape][style], _NAME["x:shape{}:{}"][shape][opener],
              _NAME["x:before{}:{}"][before][opener], _NAME["x:before{}:shape{}"][before][shape],
              _NAME["x:before{}:style{}"][before][style], _NAME["x:lede{}:style{}"][lede][style],
              _NAME["x:lede{}:before{}"][lede][before], _NAME["x:lede{}:shape{}"][lede][shape],
              _NAME["x:overlap{}:before{}"][overlap_bucket][before],
              _NAME["x:overlap{}:lede{}"][overlap_bucket][lede],
              _NAME["x:overlap{}:names{}"][overlap_bucket][names_bucket],
              _NAME["x:drop{}:lede{}"][drop_bucket][lede], _NAME["x:drop{}:names{}"][drop_bucket][names_bucket],
              _NAME["x:prevnovelty{}:lede{}"][prev_novelty][lede]]
    return feats, regime, overlap


@dataclass(frozen=True)
class _Model:
    """Logistic model: a weight per feature, plus a weight per feature in each regime
    (stored as `feature@regime`).  Both are added up once, at load, per regime."""

    weights: dict[str, float]
    by_regime: dict[str, dict[str, float]]
    threshold: float

    def probability(self, feats: list[str], regime: str) -> float:
        weights = self.by_regime.get(regime, self.weights)
        z = sum(map(weights.get, feats, repeat(0.0, len(feats))))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def with_regime(feats: list[str], regime: str) -> list[str]:
    """The features as the trainer sees them: each also as `feature@regime`."""
    return feats + [f"{f}@{regime}" for f in feats]


def _load_model() -> _Model:
    weights, regime_weights, threshold = {}, {}, 0.5
    try:
        rows = data_lines("split_model.txt")
    except FileNotFoundError:
        rows = ()
    for row in rows:
        name, value = row.rsplit("\t", 1)
        name = sys.intern(name)  # feature names are interned: a lookup then meets the same object
        if name == "@threshold":
            threshold = float(value)
        elif "@" in name:
            feat, regime = map(sys.intern, name.rsplit("@", 1))
            regime_weights.setdefault(regime, {})[feat] = float(value)
        else:
            weights[name] = float(value)
    by_regime = {regime: {f: weights.get(f, 0.0) + extra.get(f, 0.0) for f in weights.keys() | extra.keys()}
                 for regime, extra in regime_weights.items()}
    return _Model(weights, by_regime, threshold)


_MODEL: _Model | None = None


def _model() -> _Model:
    global _MODEL
    if _MODEL is None:
        _MODEL = _load_model()
    return _MODEL


# --------------------------------------------------------------------------- segmentation


def _cannot_open(cand: _Info, run: list[_Info], following: _Info | None, following_run: list[_Info]) -> bool:
    """Paragraphs that never open an article, whatever the model says: one right after stat
    lines (the data fields of a list article's entry, which it goes on to describe; a page
    top has its headline after any stat-like furniture such as "Wordcount: 717"), one under
    a numbered heading past the first ("5. Try yoga": the list goes on), an embedded
    post (its text, and the signature line under it), and a quotation a pronoun said.""" 
    if run and (run[-1].category == STAT or run[-1].later_list_item) or cand.post_signature or cand.quote_by_pronoun:
        return True
    return following is not None and following.post_signature and not following_run


def _names_a_known_topic(run: list[_Info], memory: Iterable[_Info]) -> bool:
    """Is the line before a heading whose every name (a capitalised word after the first)
    the text before has used ("The importance of Kunduz")?  In a stream without headlines
    that is a sub-heading: in the generated dev streams without headlines 5 such headings in
    201 opened an article, so the model must be sure to open one there."""
    if not run or run[-1].category != SHORT:
        return False
    names = [w for w in run[-1].words[1:] if w[:1].isupper()]
    return bool(names) and all(any(name in info.names for info in memory) for name in names)


def _has_heading(run: list[_Info]) -> bool:
    """Whether a heading-shaped line (a headline, if the run opens an article) is in `run`."""
    return any(info.category == SHORT for info in run)


def _opens_with_headline(run: list[_Info], first: _Info) -> bool:
    """Whether the stream's first article has a headline: a heading or stat-shaped line
    ("DVD review: Spider-Man 2") before its first paragraph, or a first paragraph that is one
    unpunctuated sentence of headline length (a headline the line shape took for prose, as
    one ending in a function word: "... at the AMAs after all").  The model learnt its
    cues for headed streams from heading-shaped first lines (`training_examples`); refitted
    with this wider test it scored lower on the dev streams (mean F1 0.915 against 0.918)."""
    if any(info.category in (SHORT, STAT) for info in run):
        return True
    return (first.sentences == 1 and len(first.words) <= MAX_HEADING_WORDS
            and not first.line.text.rstrip().endswith(_UNTITLED_ENDINGS))


_UNTITLED_ENDINGS = (".", ":", *_QUOTE_CLOSE)


def _cut_run(run: list[_Info], headed: bool) -> int:
    """Index in `run` (the non-prose lines before a new lede) where the new article starts:
    at its headline or leading furniture; trailing furniture before that stays behind.  In a
    stream without headlines the heading lines there end the article before (a list, a box
    of links), so only leading furniture (a byline, a date) goes with the new one."""
    if not headed:
        return next((i for i, info in enumerate(run) if info.category == DEBRIS and info.leading), len(run))
    for i, info in enumerate(run):
        if info.category == SHORT and len(info.words) >= 3 and not (i and _same_list(run[i - 1], info)):
            return i
        if info.category == DEBRIS and info.leading:
            return i
    if any(map(_same_list, run, run[1:])):
        return len(run)  # a list closing the article before, and no headline after it
    for i, info in enumerate(run):
        if info.category in (SHORT, STAT):
            return i
    return len(run)


_LETTERS_DIGITS_SPACES = regex.compile(r"[\p{L}\p{N}\s]++")


def _same_list(before: _Info, line: _Info) -> bool:
    """Are two heading-shaped lines items of one list ("England (Group A): 10th appearance",
    "Czech Republic (Group A): Seventh appearance")?  They are punctuated alike; a headline
    after a list or a menu is punctuated otherwise, or barely ("Honolulu, HI" then "With
    shattered dreams, deportees return home")."""
    if before.category not in (SHORT, STAT):
        return False
    skeleton = _LETTERS_DIGITS_SPACES.sub("", line.line.text)
    return len(skeleton) >= 2 and skeleton == _LETTERS_DIGITS_SPACES.sub("", before.line.text)


def _headline_and_standfirst(article: list[_Info], run: list[_Info], lede: _Info) -> list[_Info]:
    """The last two lines of `article` when they are the headline and standfirst of the
    article whose byline or date opens `run`: a page top reads heading, one paragraph
    summing up the story, byline, lede, and the model may take the lede for the opening.
    A standfirst tells the story of the lede after it; a heading and a paragraph that go on
    with the story before them are a related video's title and caption."""
    if (len(article) > 4 and any(info.category == DEBRIS and info.leading for info in run)
            and article[-1].category == PROSE and article[-2].category == SHORT and len(article[-2].words) >= 3):
        standfirst = article[-1].vocab
        before = set().union(*[info.vocab for info in article[-6:-2]])
        if len(standfirst & lede.vocab) >= len(standfirst & before):
            return article[-2:]
    return []


def _label(lines: list[_Info], starts_with_headline: bool) -> None:
    """Settle the kind of every non-prose line of one article."""
    has_sections = False
    headline_done = not starts_with_headline
    for i, info in enumerate(lines):
        line = info.line
        if info.category == PROSE:
            headline_done = True
            line.kind = BODY
        elif info.category == DEBRIS:
            line.kind = info.debris_kind
        elif info.category == STAT:
            line.kind = STAT_LINE
        elif not headline_done:
            line.kind = HEADLINE
            headline_done = True
        else:
            before = lines[i - 1] if i else None
            after = lines[i + 1] if i + 1 < len(lines) else None
            if before is not None and before.category == DEBRIS and before.debris_kind != CAPTION:
                line.kind = RELATED_LINK
            elif after is not None and after.category == STAT or has_sections and len(info.words) <= 6:
                line.kind = SECTION_HEADING
                has_sections = True
            else:
                line.kind = SUBHEADING


def is_peak(previous: float, current: float, following: float, threshold: float) -> bool:
    """A boundary is a local maximum of the opening probability above the threshold: of two
    neighbouring paragraphs that both read like a lede, only the likelier opens an article."""
    return current >= threshold and current > previous and current >= following


class _Splitter:
    """Left-to-right segmentation with a few prose lines of look-ahead."""

    def __init__(self, source: str, model: _Model):
        self.source = source
        self.model = model
        self.number = 0
        self.current: list[_Info] = []
        self.memory: deque[_Info] = deque(maxlen=MEMORY_LINES)  # prose lines before `scored`, latest last
        self.pending: deque[tuple[_Info, list[_Info]]] = deque()  # prose lines not yet scored
        self.scored: deque[tuple[_Info, list[_Info], float]] = deque()  # awaiting a decision
        self.previous_p = 1.0
        self.overlaps: deque[float] = deque(maxlen=RECENT_OVERLAPS)
        self.recent_p: deque[float] = deque(maxlen=DATELINE_GAP_LINES)
        self.run: list[_Info] = []
        self.headline_start = False
        self.headed: bool | None = None  # the first article opens with a heading line

    def feed(self, info: _Info) -> Iterator[Article]:
        if info.category != PROSE:
            self.run.append(info)
            if len(self.run) >= MAX_ARTICLE_LINES:  # a long stretch without prose
                yield from self._flush()
                yield self._emit()
            return
        _note_run(info, self.run)
        if self.headed is None:
            self.headed = _opens_with_headline(self.run, info)
        self.pending.append((info, self.run))
        self.run = []
        if len(self.pending) > MAX_LOOKAHEAD_LINES:
            self._score()
            if len(self.scored) == 2:
                yield from self._decide()

    def finish(self) -> Iterator[Article]:
        yield from self._flush()
        if self.current:
            yield self._emit()

    def _flush(self) -> Iterator[Article]:
        """Decide every line still waiting and take the trailing non-prose run into the
        current article (at the end of the stream, or after a very long non-prose stretch)."""
        while self.pending:
            self._score()
        while self.scored:
            yield from self._decide()
        self.current.extend(self.run)
        self.run = []

    def _score(self) -> None:
        """Opening probability of the oldest pending prose line (memory before, pending after)."""
        cand, run = self.pending.popleft()
        if not self.memory:
            p = 1.0  # the first prose line of the stream opens its first article
        elif _cannot_open(cand, run, *self.pending[0] if self.pending else (None, [])):
            p = 0.0
        else:
            feats, regime, overlap = _features(cand, run, list(self.memory),
                                               [info for info, _ in self.pending], self.overlaps,
                                               self.headed)
            p = self.model.probability(feats, regime)
            if ((LEDE_REINTRODUCTION in feats or FRESH_AFTER_FURNITURE in feats)
                    and max(self.recent_p, default=0.0) < self.model.threshold
                    or (cand.perfect_attribution or cand.wire_dateline) and self.recent_p
                    and self.recent_p[-1] < self.model.threshold):
                p = max(p, self.model.threshold + OPENING_CUE_MARGIN)
            if not self.headed and _names_a_known_topic(run, self.memory) and p < SUBHEADING_OPENING:
                p = min(p, self.model.threshold - OPENING_CUE_MARGIN)
            if overlap is not None:
                self.overlaps.append(overlap)
        self.memory.append(cand)
        self.recent_p.append(p)
        self.scored.append((cand, run, p))

    def _decide(self) -> Iterator[Article]:
        cand, run, p = self.scored.popleft()
        following = self.scored[0][2] if self.scored else 0.0
        if not self.current and self.number == 0:
            self.headline_start = _has_heading(run)
        elif p < 1.0 and is_peak(self.previous_p, p, following, self.model.threshold):
            carried = _headline_and_standfirst(self.current, run, cand) if self.headed else []
            cut = 0 if carried else _cut_run(run, self.headed)
            self.current.extend(run[:cut])
            run = run[cut:]
            del self.current[len(self.current) - len(carried):]
            yield self._emit()
            run = carried + run
            self.headline_start = _has_heading(run)
        self.previous_p = p
        self.current.extend(run)
        self.current.append(cand)
        if len(self.current) >= MAX_ARTICLE_LINES:
            yield self._emit()

    def _emit(self) -> Article:
        _label(self.current, self.headline_start)
        self.number += 1
        article = Article(self.source, self.number, [info.line for info in self.current])
        self.current = []
        self.headline_start = False
        return article


def iter_articles(lines: Iterable[str], source: str = "-") -> Iterator[Article]:
    """Articles of a stream as they are found, every line labelled with its kind.
    Lines are numbered from 1; memory holds the current article and a few lines.

    Blank lines (text pasted with an empty line between paragraphs) are no paragraphs: the
    splitter never sees them, so they neither open an article nor dilute the text around a
    candidate.  Each goes back, as body, into the article of the line before it; so an
    article is handed on once the next one has begun and its trailing blank lines are known."""
    splitter = _Splitter(source, _model())
    blanks: list[Line] = []
    held: Article | None = None
    for number, text in enumerate(lines, 1):
        if not text.strip():
            blanks.append(Line(number, text, BODY))
            continue
        for article in splitter.feed(_analyse(number, text)):
            if held is not None:
                yield _with_blanks(held, blanks, article.lines[0].number)
            held = article
    for article in splitter.finish():
        if held is not None:
            yield _with_blanks(held, blanks, article.lines[0].number)
        held = article
    if held is not None:
        yield _with_blanks(held, blanks, None)
    elif blanks:
        yield Article(source, 1, blanks)


def _with_blanks(article: Article, blanks: list[Line], next_start: int | None) -> Article:
    """The article with the blank lines that belong to it (taken off `blanks`): those
    before the next article's first line, and any before its own first line when it is the
    stream's first article."""
    if not blanks or next_start is not None and blanks[0].number > next_start:
        return article
    cut = len(blanks) if next_start is None else next((i for i, ln in enumerate(blanks) if ln.number > next_start),
                                                       len(blanks))
    mine, blanks[:] = blanks[:cut], blanks[cut:]
    article.lines = sorted(article.lines + mine, key=attrgetter("number"))
    return article


def split_stream(lines: list[str], source: str = "-") -> list[Article]:
    """Articles of a stream, every line labelled with its kind."""
    return list(iter_articles(lines, source))


# --------------------------------------------------------------------------- records

_TITLE_WORDS = 12
_MIN_TITLE_WORDS = 3


def _lede_title(text: str) -> str:
    """A short title from a lede: its first sentence, cut at a word boundary.  A "sentence"
    of a word or two is an abbreviation the sentence rule took for an end ("ST. JOSEPH,
    Mich. (AP) —"), so the title runs on to the next one."""
    paragraph = text.strip()
    spans = sentence_spans(paragraph)
    end = next((end for _, end in spans if len(paragraph[:end].split()) >= _MIN_TITLE_WORDS), spans[-1][1])
    sentence = paragraph[:end].rstrip(" .")
    words = sentence.split()
    if len(words) > _TITLE_WORDS:
        return " ".join(words[:_TITLE_WORDS]).rstrip(",;:") + "…"
    return sentence


def _title(article: Article) -> str:
    for line in article.lines:
        if line.kind == HEADLINE:
            return line.text.strip()
    for line in article.lines:
        if line.kind == BODY and line.text.strip():
            return _lede_title(line.text)
    for line in article.lines:
        if line.text.strip():
            return _lede_title(line.text)
    return ""


def to_record(article: Article) -> SplitRecord:
    """The `split` record of an article.  The headline, when there is one, is the first line
    of `text` (it is article content, not page furniture) and also the `title`."""
    content = [ln for ln in article.lines if ln.kind in (BODY, HEADLINE)]
    return SplitRecord(
        source=article.source,
        article=article.number,
        first_line=article.first_line,
        last_line=article.last_line,
        title=_title(article),
        text="\n".join(ln.text for ln in content),
        dropped=[{"line": ln.number, "kind": ln.kind, "text": ln.text}
                 for ln in article.lines if ln.kind in DEBRIS_KINDS],
        headings=[{"line": ln.number, "kind": ln.kind, "text": ln.text}
                  for ln in article.lines if ln.kind not in (BODY, HEADLINE) and ln.kind not in DEBRIS_KINDS],
    )


def from_record(rec: dict) -> Article:
    """Rebuild an Article from a `split` JSONL record (the inverse of `to_record`), so that
    `copydesk split | copydesk claims` keeps the original line numbers."""
    labelled = {d["line"]: Line(d["line"], d["text"], d["kind"])
                for d in [*rec.get("dropped", []), *rec.get("headings", [])]}
    body = iter(rec.get("text", "").split("\n"))
    lines = []
    seen_content = False
    for n in range(rec["first_line"], rec["last_line"] + 1):
        if n in labelled:
            lines.append(labelled[n])
            continue
        text = next(body, "")
        is_headline = not seen_content and text.strip() == rec.get("title") and _is_heading_shape(
            text, _TOKEN.findall(text))
        lines.append(Line(n, text, HEADLINE if is_headline else BODY))
        seen_content = seen_content or bool(text.strip())  # blank lines may stand before the headline
    return Article(rec["source"], rec["article"], lines)


def line_records(article: Article) -> list[LineRecord]:
    """One record per input line, for `split --lines`."""
    return [LineRecord(article.source, article.number, ln.number, ln.kind, ln.text) for ln in article.lines]


_SLUG_DROP = regex.compile(r"[^\p{L}\p{N}]++")


def slug(title: str, max_length: int = 60) -> str:
    """A file-name-safe, lower-case form of a title for `split --to DIR` (NNN-slug.txt)."""
    text = _SLUG_DROP.sub("-", title.lower()).strip("-")
    if len(text) > max_length:
        text = text[:max_length].rsplit("-", 1)[0] or text[:max_length]
    return text or "article"


def training_examples(lines: list[str], article_starts: set[int]) -> Iterator[tuple[list[str], bool]]:
    """(features, opens an article?) for every prose line but the first of a stream whose
    gold article starts are known (features None where a rule, not the model, decides).
    `bench/train_split.py` fits the boundary model on these."""
    infos = [_analyse(n, t) for n, t in enumerate(lines, 1)]
    prose = [i for i, info in enumerate(infos) if info.category == PROSE]
    for position in range(1, len(prose)):
        _note_run(infos[prose[position]], infos[prose[position - 1] + 1:prose[position]])
    overlaps: deque[float] = deque(maxlen=RECENT_OVERLAPS)
    headed = bool(prose) and _has_heading(infos[:prose[0]])
    for position in range(1, len(prose)):
        index, prev_index = prose[position], prose[position - 1]
        run = infos[prev_index + 1:index]
        following = prose[position + 1] if position + 1 < len(prose) else None
        if _cannot_open(infos[index], run, following and infos[following], infos[index + 1:following or index + 1]):
            yield None, False  # never an opening: a placeholder keeps the sequence aligned
            continue
        opens = any(prev_index + 1 < s <= index + 1 for s in article_starts)
        memory = [infos[j] for j in prose[max(0, position - MEMORY_LINES):position]]
        upcoming = [infos[j] for j in prose[position + 1:position + 1 + MAX_LOOKAHEAD_LINES]]
        feats, regime, overlap = _features(infos[index], run, memory, upcoming, overlaps, headed)
        if overlap is not None:
            overlaps.append(overlap)
        yield with_regime(feats, regime), opens
