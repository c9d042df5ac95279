"""Per-sport medal and funding table from articles about Olympic funding and results.

Articles of this family give, for each sport, its funding for a Games cycle, the medals it won,
and how its funding changed before and after (cut from £X, set to lose a further £Y before Paris).
They write it in several shapes: a sport heading followed by "Funding amount:" / "Medals:" stat
lines, sports named only in prose, tables with `|` or " / " separators, and cost-per-medal
rankings.  All of them are read here into one row per sport and Games, with every computed value
named in `derived`.

Sports are recognised from a general list of Olympic and Paralympic sports and their disciplines
(`data/medals_sports.txt`), Games from `data/medals_games.txt`, and the wording of changes from
`data/medals_cues.txt`.  Quantities come from the figures layer.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from .figures import Quantity, column_money_scale, parse_quantities, table_cells, whole_number
from .text import Article, Line, data_lines, sentence_spans

MONEY_UNITS = frozenset({"GBP", "USD", "EUR", "AUD", "CAD", "NZD", "JPY", "CNY", "CHF", "INR"})
COLOURS = ("gold", "silver", "bronze")
MONEY_FIELDS = ("funding", "previous_funding", "next_funding")

# Characters a list may put between a sport and its sum ("rowing £22.5m", "Para-athletics receives £10.3m").
SPORT_LIST_GAP = 25

# Priorities of sources for one cell: a stat line or table beats a sum stated in prose, which
# beats a value computed from a change.
STATED_TABLE, STATED_PROSE, COMPUTED = 3, 2, 1


@dataclass
class MedalRow:
    source: str
    article: int
    line: int
    sport: str
    games: str | None
    currency: str | None
    funding: int | None
    medals_total: int | None
    gold: int | None
    silver: int | None
    bronze: int | None
    previous_funding: int | None
    next_funding: int | None
    cost_per_medal: int | None
    derived: list[str] = field(default_factory=list)


# --- vocabulary -----------------------------------------------------------------------------

_TOKEN = regex.compile(r"[a-z0-9]++")


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m[0], m.start(), m.end()) for m in _TOKEN.finditer(text.lower())]


@dataclass(frozen=True)
class Sport:
    name: str
    para_only: bool


@cache
def _sport_index(headings: bool = False) -> dict[tuple[str, ...], Sport]:
    """Sport-name tokens -> sport.  With `headings`, also the variants that are common words."""
    index = {}
    for row in data_lines("medals_sports.txt"):
        name, variants, tags = row.split("|")
        sport = Sport(name, "para" in tags.split(","))
        for variant in [name.lower(), *variants.split(";")]:
            if variant.endswith("*") and not headings:
                continue
            index[tuple(t for t, _, _ in _tokens(variant.rstrip("*")))] = sport
    return index


@cache
def _games() -> tuple[dict[tuple[str, ...], int], dict[int, str]]:
    """(host-name tokens -> summer year, year -> host name)."""
    by_host, by_year = {}, {}
    for row in data_lines("medals_games.txt"):
        year, hosts, season = row.split("|")
        names = hosts.split(";")
        by_year.setdefault(int(year), names[0])
        for host in names:
            key = tuple(t for t, _, _ in _tokens(host))
            if season == "summer" or key not in by_host:
                by_host[key] = int(year)
    return by_host, by_year


@cache
def _cues() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for row in data_lines("medals_cues.txt"):
        kind, phrase = row.split("|")
        table.setdefault(kind, []).append(phrase)
    return {k: tuple(v) for k, v in table.items()}


def _has_cue(kind: str, text: str) -> bool:
    low = f" {' '.join(t for t, _, _ in _tokens(text))} "
    return any(f" {p} " in low for p in _cues()[kind])


def _cue_positions(kind: str, text: str) -> list[int]:
    """Offsets in `text` where a cue phrase of `kind` starts (matched on whole words)."""
    toks = _tokens(text)
    words = [t for t, _, _ in toks]
    out = []
    for phrase in _cues()[kind]:
        parts = phrase.split()
        for i in range(len(words) - len(parts) + 1):
            if words[i:i + len(parts)] == parts:
                out.append(toks[i][1])
    return sorted(out)


@dataclass
class Mention:
    start: int
    end: int
    sport: Sport
    para: bool


def find_sports(text: str, heading: bool = False) -> list[Mention]:
    """Sport names in a text, longest match first ("sport climbing" before "climbing"), with
    the Paralympic prefixes "para-", "para " and "Paralympic".  `heading` admits the names that
    are also common words, for a text that is a whole heading or table label."""
    index = _sport_index(heading)
    toks = _tokens(text)
    out, i = [], 0
    while i < len(toks):
        para = toks[i][0] in ("para", "paralympic", "paralympics") and i + 1 < len(toks)
        j = i + 1 if para else i
        head = toks[j][0]
        if not para and head.startswith("para") and (head[4:],) in index:
            out.append(Mention(toks[i][1], toks[i][2], index[(head[4:],)], True))
            i += 1
            continue
        for n in (4, 3, 2, 1):
            key = tuple(t for t, _, _ in toks[j:j + n])
            if len(key) == n and key in index:
                sport = index[key]
                out.append(Mention(toks[i][1], toks[j + n - 1][2], sport, para or sport.para_only))
                i = j + n
                break
        else:
            i += 1
    return out


# --- Games references -----------------------------------------------------------------------

def games_refs(text: str) -> list[tuple[int, int]]:
    """(offset, Games year) of each reference to a Games: "Tokyo 2020", "Rio", "the 2016 Games",
    "Paris 2024".  A year alone counts only when it is a Games year followed by Games/Olympics
    or a cycle word."""
    by_host, by_year = _games()
    toks = _tokens(text)
    out = []
    i = 0
    while i < len(toks):
        for n in (3, 2, 1):
            key = tuple(t for t, _, _ in toks[i:i + n])
            if len(key) == n and key in by_host and text[toks[i][1]].isupper():
                year = by_host[key]
                if i + n < len(toks) and toks[i + n][0].isdigit() and int(toks[i + n][0]) in by_year:
                    year = int(toks[i + n][0])
                    n += 1
                out.append((toks[i][1], year))
                i += n
                break
        else:
            tok = toks[i][0]
            nxt = toks[i + 1][0] if i + 1 < len(toks) else ""
            if tok.isdigit() and len(tok) == 4 and int(tok) in by_year and \
                    nxt in ("games", "olympics", "olympic", "paralympics", "paralympic", "cycle"):
                out.append((toks[i][1], int(tok)))
            i += 1
    return out


def _games_label(year: int, para: bool) -> str:
    return f"{_games()[1][year]} {year}" + (" Paralympics" if para else "")


_MEDAL_WORD = regex.compile(r"\b(?:medals?|golds?|silvers?|bronzes?|podium)\b", regex.IGNORECASE)


def anchor_year(lines: list[Line], fallback: tuple[int | None, int | None] = (None, None)) -> int | None:
    """The Games the article's medals were won at.  Best evidence: the latest of the Games named
    nearest to a medal word in a clause about the past or present (not "will target 70 medals in
    Paris"; "seven medals in Rio five years ago" does not outweigh Tokyo).  Failing that, the Games
    named most often in such clauses when the text talks about medals at all, else the latest
    named, so that a funding announcement is read for the coming Games.  `fallback` is the same
    pair of readings for the whole source: its medal evidence comes first, because a stream is
    rarely about two Games and an article cut too short may name only an earlier one."""
    won, named = _games_evidence(lines)
    return fallback[0] or won or named or fallback[1]


def _games_evidence(lines: list[Line]) -> tuple[int | None, int | None]:
    won: set[int] = set()
    present: dict[int, int] = {}
    named: set[int] = set()
    medals = False
    for line in lines:
        cells = [c[2] for c in table_cells(line.text)] if _TABLE_LINE.search(line.text) else []
        for clause in cells if len(cells) > 2 else [c for _, c in _clauses(line.text)]:
            medal_words = list(_MEDAL_WORD.finditer(clause))
            medals |= bool(medal_words)
            refs = games_refs(clause)
            named |= {year for _, year in refs}
            if not refs or _cue_positions("future", clause):
                continue
            for _, year in refs:
                present[year] = present.get(year, 0) + 1
            if not _AGO.search(clause):
                # the Games nearest to each medal word, by the gap between the two ("Tokyo medals",
                # "won no medals in Rio, took bronze at Paris 2024")
                won |= {min(refs, key=lambda r: _gap(clause, r[0], m))[1] for m in medal_words}
    if present and medals:
        weaker = max(present, key=lambda y: (present[y], -y))  # medals are won at past Games
    else:
        weaker = max(present or named) if (present or named) else None
    return (max(won) if won else None), weaker


_GAMES_WORDS = regex.compile(r"\S++(?:\s++(?:19|20)\d\d\b)?+")


def _gap(text: str, games_at: int, word: regex.Match) -> int:
    """Characters between a Games name starting at `games_at` and a word, either side of it."""
    if games_at >= word.end():
        return games_at - word.end()
    return word.start() - _GAMES_WORDS.match(text, games_at).end()


# --- per-sport accumulation -----------------------------------------------------------------

@dataclass
class _Cell:
    value: int | float | None = None
    priority: int = 0
    computed: bool = False

    def offer(self, value, priority: int, computed: bool = False) -> None:
        if value is not None and priority > self.priority:
            self.value, self.priority, self.computed = value, priority, computed


@dataclass
class _Facts:
    """Everything read about one sport before it becomes a row."""
    sport: str
    para: bool
    line: int
    article: int
    anchor: int | None
    cells: dict[str, _Cell] = field(default_factory=dict)
    # changes whose base is the funding, resolved once the funding is known:
    # (field, kind, amount) with kind "delta" (signed sum) or "ratio" (multiplier)
    pending: list[tuple[str, str, float]] = field(default_factory=list)
    has_stat_lines: bool = False
    stated_medals: bool = False  # medals from a stat line or table: prose counts are ignored
    prose_total: int | None = None
    prose_colours: dict[str, int] = field(default_factory=dict)
    colour_events: dict[str, int] = field(default_factory=dict)
    not_won: set[str] = field(default_factory=set)
    heading_money: list[int] = field(default_factory=list)

    def cell(self, name: str) -> _Cell:
        return self.cells.setdefault(name, _Cell())


class _Table:
    """The open table of an article: column roles from its header row."""

    def __init__(self, header: list[str], anchor: int | None):
        self.roles = [_column_role(h, anchor) for h in header]
        self.scales = [column_money_scale(h) for h in header]
        self.para = [bool(_PARA_WORD.search(h)) for h in header]
        self.has_label = self.roles[0] == ("label", None)

    def width(self) -> int:
        return len(self.roles)


def _column_role(header: str, anchor: int | None) -> tuple[str, str | None]:
    low = header.lower()
    refs = games_refs(header) or _cycle_range(header)
    rel = _relation(refs[0][1], anchor) if refs else "current"
    if any(c in low for c in _cues()["cost"]) or ("cost" in low and "medal" in low):
        return "cost_per_medal", None
    if any(w in low for w in ("change", "difference", "+/-", "%")):
        return "ignore", None
    if any(w in low for w in ("funding", "£", "$", "€", "investment", "award", "budget")):
        return "money", _CYCLE_FIELD[rel]
    for colour in COLOURS:
        if low.strip() in (colour, colour + "s", colour[0]):
            return ("medal", colour) if rel == "current" else ("ignore", None)
    if "medal" in low or low.strip() in ("total", "tally"):
        return ("medal", "medals_total") if rel == "current" else ("ignore", None)
    if "sport" in low or not low.strip():
        return "label", None
    return "ignore", None


_CYCLE_RANGE = regex.compile(r"\b((?:19|20)\d\d)\s*+[-–/]\s*+((?:19|20)?\d\d)\b")


def _cycle_range(text: str) -> list[tuple[int, int]]:
    """A funding cycle written as years ("2017-21") stands for the Games it ends with."""
    m = _CYCLE_RANGE.search(text)
    if not m:
        return []
    end = int(m[2]) if len(m[2]) == 4 else int(m[1][:2] + m[2])
    years = [y for y in _games()[1] if y <= end]
    return [(m.start(), max(years))] if years else []


def _relation(year: int, anchor: int | None) -> str:
    if anchor is None or year == anchor:
        return "current"
    return "previous" if year < anchor else "next"


# --- line shapes ----------------------------------------------------------------------------

_MONEY_TEXT = regex.compile(r"[£$€]\s*+[\d.,]++\s*+(?:m|bn|k|million|billion)?+\b(?:\s++(?:per|a)\s++medal)?+", regex.IGNORECASE)
_LIST_NUMBER = regex.compile(r"^\s*+(?:\d{1,3}[.)]|[-•*])\s++")
_BRACKETS = regex.compile(r"\([^()]*+\)|\[[^\[\]]*+\]")
_HEADING_SPLIT = regex.compile(r"\s*+:\s*+|\s++[-–—]\s++")
_STAT = regex.compile(r"^\s*+([A-Za-z][A-Za-z0-9 ()'’/&-]{0,48}?)\s*+:\s*+(\S.*)$")
_COLOUR_COUNT = regex.compile(
    r"(?P<n>\d++|[a-z]++)\s++(?P<c>gold|silver|bronze)s?+\b|(?P<c2>gold|silver|bronze)s?+\s*+[:=]?\s*+(?P<n2>\d++)"
    r"|(?P<c3>gold|silver|bronze)\b|(?-i:\b(?P<c4>[GSB])\s*+:?\s*+(?P<n4>\d++)\b)",
    regex.IGNORECASE)


def sport_heading(text: str) -> tuple[str, bool, str] | None:
    """(sport as written, Paralympic, the rest of the line) when a line is a sport heading:
    "Canoeing (sprint and slalom)", "3. Cycling: £2.04m", "Para-swimming"."""
    if len(text) > 90 or text.rstrip().endswith((".", "?", "!", '"', "”")):
        return None
    body = _LIST_NUMBER.sub("", text, count=1).strip()
    parts = _HEADING_SPLIT.split(body, maxsplit=1)
    name = parts[0].strip()
    rest = parts[1] if len(parts) > 1 else ""
    # a count in brackets after the name is part of what the line states: "Rowing (2 medals)"
    counted = [b for b in _BRACKETS.findall(name) if _MEDAL_WORD.search(b)]
    if counted:
        rest = " - ".join([*(b[1:-1] for b in counted), rest]) if rest else " - ".join(b[1:-1] for b in counted)
    bare = _BRACKETS.sub(" ", name).strip()
    mentions = find_sports(bare, heading=True)
    if len(mentions) != 1 or mentions[0].start != 0 or mentions[0].end != len(bare.rstrip(" .").lower()):
        return None
    return " ".join(bare.split()), mentions[0].para, rest


def _stat_line(text: str) -> tuple[str, str, str] | None:
    """(role, label, value) of a stat line: "Funding amount: £1,122,879", "Medals: 6 (3 silver,
    3 bronze)", "Cost per medal: £2.04m".  Role is funding, medals or cost."""
    m = _STAT.match(text)
    if not m:
        return None
    label = m[1].lower()
    if any(c in label for c in _cues()["cost"]) or ("cost" in label and "medal" in label):
        return "cost", m[1], m[2]
    if "medal" in label or label.strip() in ("haul", "tally"):
        return "medals", m[1], m[2]
    if any(w in label for w in ("funding", "investment", "award", "budget", "grant")):
        return "funding", m[1], m[2]
    return None


def parse_medal_counts(value: str) -> dict[str, int | None]:
    """Total and colours from a stat value: "6 (3 silver, 3 bronze)", "1 (bronze)", "0",
    "2 gold, 1 silver".  Colours not named are 0 when the named ones add up to the total."""
    out: dict[str, int | None] = {"medals_total": None, "gold": None, "silver": None, "bronze": None}
    lead = regex.match(r"\s*+(\d++|[A-Za-z]++)\b(?!\s*+(?:gold|silver|bronze))", value, regex.IGNORECASE)
    if lead and whole_number(lead[1]) is not None:
        out["medals_total"] = whole_number(lead[1])
    elif regex.match(r"\s*+(?:none|nil|no medals?)\b", value, regex.IGNORECASE):
        out["medals_total"] = 0
    for m in _COLOUR_COUNT.finditer(value):
        if m["c"] and whole_number(m["n"]) is not None:
            out[m["c"].lower()] = whole_number(m["n"])
        elif m["c2"]:
            out[m["c2"].lower()] = int(m["n2"])
        elif m["c4"]:
            out[{"G": "gold", "S": "silver", "B": "bronze"}[m["c4"]]] = int(m["n4"])
        elif m["c3"] and out[m["c3"].lower()] is None:
            out[m["c3"].lower()] = -1  # a bare colour: one each, unless the total says more
    bare = [c for c in COLOURS if out[c] == -1]
    for c in bare:
        out[c] = out["medals_total"] // len(bare) if out["medals_total"] and len(bare) == 1 else 1
    return out


def _counts_in_words(text: str) -> dict[str, int | None]:
    """Medal counts written as counted quantities: "12 medals", "six golds"."""
    counts: dict[str, int | None] = {"medals_total": None, "gold": None, "silver": None, "bronze": None}
    for q in parse_quantities(text):
        noun = (q.counts or "").rstrip("s")
        if isinstance(q.value, int) and noun in ("medal", *COLOURS):
            counts["medals_total" if noun == "medal" else noun] = q.value
    return counts


def _complete_colours(counts: dict[str, int | None], derived: set[str]) -> None:
    """Fill what the stated numbers imply: colours not named are 0 when the named ones reach
    the total; the total is the sum when only colours are given."""
    known = {c: counts[c] for c in COLOURS if counts.get(c) is not None}
    total = counts.get("medals_total")
    if len(known) == 3 and total is not None and sum(known.values()) != total:
        counts["medals_total"] = sum(known.values())  # the colours are the more detailed record
        derived.add("medals_total")
    elif total is not None and sum(known.values()) == total:
        for c in COLOURS:
            if counts.get(c) is None:
                counts[c] = 0
                derived.add(c)
    elif total is None and known:
        for c in COLOURS:
            if counts.get(c) is None:
                counts[c] = 0
                derived.add(c)
        counts["medals_total"] = sum(counts[c] for c in COLOURS)
        derived.add("medals_total")


# --- prose ----------------------------------------------------------------------------------

_PER_MEDAL_AFTER = regex.compile(r"\s*+(?:a|per|for each|for every|for one)\s++(?:olympic\s++)?+(?:medal|podium)", regex.IGNORECASE)
_TOTAL_BEFORE = regex.compile(r"\b(?:of the|out of|share of|of its)\s*+$", regex.IGNORECASE)
_TOTAL_AFTER = regex.compile(r"\s*+(?:in total|total|overall)\b", regex.IGNORECASE)
# "Games" only with its capital: "video games" are no Olympic topic.
_OLYMPIC_TOPIC = regex.compile(r"\b(?:(?i:medals?+|olympics?+|paralympics?+)|Games)\b")
_GAMES_NAME = regex.compile(r"\b[A-Z][a-z]++ (?:19|20)\d\d\b")  # a cheap test before games_refs
_MEDAL_STAT = regex.compile(r"^\s*+[A-Za-z ]{0,30}medals?+\s*+:", regex.IGNORECASE | regex.MULTILINE)
_TO_MONEY = regex.compile(r"\s*+(?:in funding\s++|for \w++\s++)?+to\s++(?:more than\s++|about\s++|around\s++|just\s++)?+[£$€]")
_BOTH_GAMES = regex.compile(r"\bolympic\s++and\s++paralympic|\bparalympic\s++and\s++olympic", regex.IGNORECASE)
_CURRENCY_SIGN = regex.compile(r"(?:US|A|C|NZ)?+[£$€¥]\s*+\d++")
_COMPARISON = regex.compile(r"\b(?:from|than|compared with|compared to|against)\b", regex.IGNORECASE)
_RELATIVE_START = regex.compile(r"\s*+(?:at which|in which|where|when)\b", regex.IGNORECASE)
_STAT_BREAK = regex.compile(r"(?<!\d)[.;](?!\d)\s*+|\s*+\|\s*+|\s/\s|\t")
_TABLE_LINE = regex.compile(r"\||\s/\s|\t")
_CYCLE_FIELD = {"previous": "previous_funding", "current": "funding", "next": "next_funding"}
_OWN_AFTER = regex.compile(r"\s*+(?:in funding\s++|of funding\s++)?(?:for|at|in|during)\s++(?:the\s++)?", regex.IGNORECASE)
_OWN_BEFORE = regex.compile(r"[A-Za-z]++(?:\s++(?:19|20)\d\d)?+\s++(?:olympic\s++|games\s++|cycle\s++)?+"
                            r"(?:funding|award|allocation|budget|investment|grant)\s++(?:of|was|is|stood at|totalled)?+\s*+",
                            regex.IGNORECASE)
_PARA_WORD = regex.compile(r"\bpara(?:lympics?+)?+\b", regex.IGNORECASE)
_CLAUSE_SPLIT = regex.compile(r",\s++but\s|;\s|,\s++while\s|\s++but\s|,\s++after\s|\.\s")
_FILLER_BEFORE_MONEY = frozenset({"a", "an", "the", "huge", "massive", "whopping", "hefty", "just",
                                  "only", "another", "significant", "staggering", "total", "of"})
_COLOUR_WORD = regex.compile(r"\b(gold|silver|bronze)(s?+)\b", regex.IGNORECASE)
_COLOUR_BEFORE_NOUN = regex.compile(r"\s++(gold|silver|bronze)\s++", regex.IGNORECASE)
_AGO = regex.compile(r"\b(?:years?|months?) (?:ago|earlier|before)\b|\bin (?:19|20)\d\d\b", regex.IGNORECASE)
_ALL_OF_THEM = regex.compile(r"(?:^|\s)(?:both|all(?:\s++of\s++them)?+)(?:\s++(?:of\s++them|were|was))?+$")
_NAME = regex.compile(r"\b[A-Z][a-z'’-]++(?:\s++[A-Z][A-Za-z'’-]++)++")
_ATTRIBUTIVE_AFTER = regex.compile(r"[\s-]*+(?:medal-winning|medallists?|-winning|winning|standard|rush|"
                                   r"medal\s++winners?|coast|card)\b", regex.IGNORECASE)


class _Reader:
    """Reads one article line by line, keeping the sport each line is about."""

    def __init__(self, article: Article, facts: dict[tuple[str, bool], _Facts],
                 source_games: tuple[int | None, int | None] = (None, None)):
        self.article = article
        self.lines = article.content()
        self.anchor = anchor_year(self.lines, source_games)
        # the article names Games after those its medals were won at (a funding announcement)
        self.names_later_games = self.anchor is not None and any(
            year > self.anchor for line in self.lines for _, year in games_refs(line.text))
        self.facts = facts  # shared by the articles of one source: one row per sport and Games
        self.section: _Facts | None = None  # the sport of the current heading
        self.topic: _Facts | None = None  # the sport the prose is about
        self.para_context = False
        self.table: _Table | None = None
        self.carry = ""  # a table row that wrapped onto the next line

    def facts_for(self, name: str, para: bool, line: int) -> _Facts:
        key = (_canonical(name), para)
        if key not in self.facts:
            self.facts[key] = _Facts(name, para, line, self.article.number, self.anchor)
        return self.facts[key]

    def read(self) -> None:
        for line in self.lines:
            text = line.text.strip()
            if not text:
                continue
            if self.carry:
                carried, self.carry = self.carry, ""
                if _TABLE_LINE.search(text) or len(text) <= 40:
                    text = f"{carried} {text}"  # the rest of a wrapped row
                else:  # prose after a short last row: the row stands as it is
                    for row in _split_rows([c[2].strip() for c in table_cells(carried) if c[2].strip()]):
                        self._table_row(line, row)
            if self._read_stats(line, text):
                continue
            if self._read_table(line, text):
                continue
            self.table = None
            heading = sport_heading(text) if line.kind in ("body", "section_heading", "subheading", "headline", "stat_line") else None
            if heading:
                self._open_section(line, *heading)
                continue
            if line.kind in ("section_heading", "subheading") or _is_short_heading(text):
                low = text.lower()
                if "paralympic" in low or "para " in low:
                    self.para_context = True
                elif "olympic" in low:
                    self.para_context = False
                if line.kind == "section_heading":
                    self.section = self.topic = None
                continue
            self._read_prose(line)

    # headings and stat lines
    def _read_stats(self, line: Line, text: str) -> bool:
        """One or more stat lines: "Funding amount: £1,122,879", or several on one line
        ("Funding: £23m | Medals: 6 (3 silver, 3 bronze)", "Funding: £23m. Medals: 6.")."""
        pieces = [p.strip().rstrip(".") for p in _STAT_BREAK.split(text) if p.strip()]
        stats = [_stat_line(p) for p in pieces]
        if len(pieces) > 1 and not stats[0] and all(stats[1:]):
            # "Equestrian: Funding £12.2m | Medals: 5 (3 gold, 2 silver)": the sport leads the line
            heading = sport_heading(pieces[0])
            if heading is None or not heading[2]:
                return False
            self._open_section(line, *heading)
            stats = stats[1:]
        if not stats or not all(stats):
            return False
        for stat in stats:
            named = find_sports(stat[1])
            if len(named) == 1:  # "Athletics funding: £23,007,531" names its own sport
                sport = named[0]
                self.section = self.topic = self.facts_for(sport.sport.name, sport.para or self.para_context,
                                                           line.number)
            if self.section is None:
                return False
            self._read_stat(line, *stat)
        return True

    def _open_section(self, line: Line, name: str, para: bool, rest: str) -> None:
        """A sport heading, and what the rest of its line states: "3. Cycling: £2.04m per medal
        (12 medals, £24.5m funding)", "Athletics – £22,175,520 (Tokyo: £23,007,531)"."""
        facts = self.facts_for(name, para or self.para_context, line.number)
        self.section = self.topic = facts
        sums = self._sums_with_games(rest)
        # beside a stated cost per medal, another sum is the funding it was worked out from
        costed = any(kind == "cost" for _, _, kind in sums)
        # beside a sum labelled with its Games ("£11.4m (Tokyo: £12.1m)"), a bare sum is for the
        # other cycle compared: the coming one when the article looks ahead, else the one before
        labelled = [own for _, own, kind in sums if own is not None and kind != "cost"]
        compared = None
        if len(labelled) == 1:
            compared = "current" if labelled[0] != "current" else "next" if self.names_later_games else "previous"
        for amount, own, kind in sums:
            if kind == "cost":
                facts.cell("cost_per_medal").offer(amount, STATED_TABLE)
            elif own is not None or kind == "funding" or costed or compared:
                facts.cell(_CYCLE_FIELD[own or compared or "current"]).offer(amount, STATED_TABLE)
            else:
                facts.heading_money.append(amount)  # funding or cost per medal: decided per source
        if _MEDAL_WORD.search(rest):
            without_money = _MONEY_TEXT.sub(" ", rest).strip(" ,;-–()")
            # the whole rest, else its first segment that states a count ("funding - no medals")
            for part in [without_money] + [seg.strip() for seg in _segments(without_money)]:
                counts = parse_medal_counts(part)
                if counts["medals_total"] is None:
                    counts = _counts_in_words(part)
                if counts["medals_total"] is not None or any(counts[c] is not None for c in COLOURS):
                    self._offer_medals(facts, counts)
                    break

    def _read_stat(self, line: Line, role: str, label: str, value: str) -> None:
        facts = self.section
        facts.has_stat_lines = True
        if _PARA_WORD.search(label) and not facts.para:
            facts = self.facts_for(facts.sport, True, line.number)
        refs = games_refs(label) or _cycle_range(label)
        rel = _relation(refs[0][1], self.anchor) if refs else "current"
        if role == "medals":
            if rel == "current":
                self._offer_medals(facts, parse_medal_counts(value))
            return
        for amount, own, _ in self._sums_with_games(value):
            if role == "cost":
                facts.cell("cost_per_medal").offer(amount, STATED_TABLE)
                return
            facts.cell(_CYCLE_FIELD[own or rel]).offer(amount, STATED_TABLE)

    def _sums_with_games(self, text: str) -> list[tuple[int, str | None, str | None]]:
        """Sums in a heading or stat value, each with the cycle its own segment names and what the
        segment says it is (cost, funding or None): "£22.2m (Tokyo: £24.6m)", "£2.04m per medal"."""
        out = []
        for segment in _segments(text):
            refs = games_refs(segment) or _cycle_range(segment)
            own = _relation(refs[0][1], self.anchor) if refs else None
            for q in parse_quantities(segment):
                if q.unit not in MONEY_UNITS or not isinstance(q.value, int):
                    continue
                if _has_cue("cost", segment) or _PER_MEDAL_AFTER.match(segment, q.end):
                    kind = "cost"
                elif _has_cue("article", segment):
                    kind = "funding"
                else:
                    kind = None
                out.append((q.value, own, kind))
        return out

    def _offer_medals(self, facts: _Facts, counts: dict[str, int | None]) -> None:
        derived: set[str] = set()
        counts = dict(counts)
        _complete_colours(counts, derived)
        for name, value in counts.items():
            facts.cell(name).offer(value, STATED_TABLE, name in derived)
        facts.stated_medals = True

    # tables
    def _read_table(self, line: Line, text: str) -> bool:
        if not _TABLE_LINE.search(text):
            return False
        cells = [c for c in (c[2].strip() for c in table_cells(text)) if c]
        if not cells:
            return self.table is not None  # a rule line such as |---|---|
        header, rows = _header_and_rows(cells)
        if _looks_like_header(header):
            self.table = _Table(header, self.anchor)
            low = " ".join(header).lower()
            if "paralympic" in low:
                self.para_context = True
            elif "olympic" in low:
                self.para_context = False
        elif self.table is None:
            return False
        else:
            rows = _split_rows(cells)
            expected = self.table.width() + (0 if self.table.has_label else 1)
            if rows and len(rows[-1]) < expected:
                self.carry = text  # the row continues on the next line
                rows = rows[:-1]
        for row in rows:
            self._table_row(line, row)
        return True

    def _table_row(self, line: Line, row: list[str]) -> None:
        table = self.table
        label = row[0]
        if _has_cue("team", label):
            return
        heading = sport_heading(label)
        if heading is None:
            return
        name, para, _ = heading
        para = para or self.para_context
        values = row[1:]
        columns = list(zip(table.roles, table.scales, table.para))[1 if table.has_label else 0:]
        counts: dict[bool, dict[str, int | None]] = {}
        for value, ((role, target), scale, para_column) in zip(values, columns):
            facts = self.facts_for(name, para or para_column, line.number)
            if role == "medal":
                number = regex.match(r"\s*+(\d++)\s*+$", value)
                if number:
                    counts.setdefault(facts.para, {})[target] = int(number[1])
            elif role in ("money", "cost_per_medal"):
                amount = _table_money(value, scale)
                if amount is not None:
                    facts.cell(target if role == "money" else "cost_per_medal").offer(amount, STATED_TABLE)
        for para_row, found in counts.items():
            self._offer_medals(self.facts_for(name, para_row, line.number),
                               {"medals_total": None, "gold": None, "silver": None, "bronze": None} | found)

    # prose
    def _read_prose(self, line: Line) -> None:
        if self.section is not None and self.section.has_stat_lines:
            # each paragraph of a stat block is about its sport until it names another one
            self.topic = self.section
        text = line.text
        spans = sentence_spans(text)
        earlier = ""
        for s, e in spans:
            sentence = text[s:e]
            mentions = find_sports(sentence)
            families = {(m.sport.name, m.para) for m in mentions}
            if len({name for name, _ in families}) > 1:
                # a list of sports: a figure in it belongs to one of them only when each
                # sport has its own sum
                self._read_sport_list(line, sentence, mentions, earlier)
                earlier += " " + sentence
                continue
            para = self.para_context or any(p for _, p in families) or \
                ("paralympic" in sentence.lower() and not _BOTH_GAMES.search(sentence))
            if mentions:
                sport = mentions[0].sport
                same_as_section = self.section is not None and _canonical(self.section.sport) == _canonical(sport.name)
                self.topic = self.section if same_as_section and not para else \
                    self.facts_for(sport.name, para, line.number)
            if self.topic is None or (not mentions and _has_cue("team_sentence", sentence)):
                earlier += " " + sentence
                continue  # no sport yet, or a sentence about the whole team
            facts = self.topic
            if para and not facts.para:
                facts = self.facts_for(facts.sport, True, line.number)
            quantities = parse_quantities(sentence)
            self._prose_money(facts, sentence, quantities, earlier)
            if not facts.stated_medals:
                self._prose_medals(facts, sentence, quantities)
            earlier += " " + sentence

    def _read_sport_list(self, line: Line, sentence: str, mentions: list[Mention], earlier: str) -> None:
        """Sums of a list that pairs every sport with its own: "cycling £27.6m; rowing £22.5m",
        "Para-athletics receives £10.3m, para-swimming £9.2m and wheelchair basketball £5.1m"."""
        if not (_has_cue("funding", sentence) or _has_cue("funding", earlier[-300:])):
            return
        mentions = sorted(mentions, key=lambda m: m.start)
        money = [q for q in parse_quantities(sentence) if q.unit in MONEY_UNITS and isinstance(q.value, int)]
        if len(money) != len(mentions):
            return
        for mention, q, following in zip(mentions, money, [*mentions[1:], None]):
            if not mention.end <= q.start <= mention.end + SPORT_LIST_GAP or (following and q.end > following.start):
                return
        refs, context_refs = self._time_refs(sentence), self._time_refs(earlier)
        for mention, q in zip(mentions, money):
            rel = _cycle_in_context(sentence, refs, context_refs, q)
            facts = self.facts_for(mention.sport.name, mention.para or self.para_context, line.number)
            facts.cell(_CYCLE_FIELD[rel]).offer(q.value, STATED_PROSE)

    def _prose_money(self, facts: _Facts, sentence: str, quantities: list[Quantity], earlier: str) -> None:
        money = [q for q in quantities if q.unit in MONEY_UNITS and not isinstance(q.value, list)]
        percents = [q for q in quantities if q.unit == "percent" and not isinstance(q.value, list)]
        if not money and not percents:
            return
        funding_context = _has_cue("funding", sentence) or _has_cue("funding", earlier[-300:]) \
            or _has_cue("cost", sentence) or (self.section is facts and self.section is not None)
        if not funding_context:
            return
        refs = self._time_refs(sentence)
        context_refs = self._time_refs(earlier)
        forms = [_money_form(sentence, q) for q in money]
        owns = _paired_cycles(forms, [self._own_cycle(sentence, q) for q in money])
        stated_next = False
        for q, form, own in zip(money, forms, owns):
            is_cost = _has_cue("cost", sentence[max(0, q.start - 30):q.end + 20]) or \
                bool(_PER_MEDAL_AFTER.match(sentence, q.end))
            if is_cost:
                facts.cell("cost_per_medal").offer(q.value, STATED_PROSE)
                continue
            if _TOTAL_BEFORE.search(sentence, max(0, q.start - 40), q.start) or _TOTAL_AFTER.match(sentence, q.end):
                continue  # a share of a larger sum: "of the £345m", "£345m in total"
            rel = _cycle_in_context(sentence, refs, context_refs, q)
            if form == "delta":
                sign = _change_sign(sentence, q)
                if sign == 0:
                    continue
                if _future_before(sentence, q):
                    rel = "next"
                if rel == "next":
                    facts.pending.append(("next_funding", "delta", sign * q.value))
                else:
                    facts.pending.append(("previous_funding", "delta", -sign * q.value))
                continue
            if own is not None:
                name = _CYCLE_FIELD[own]
            elif form == "from":
                name = "funding" if rel == "next" else "previous_funding"
            else:
                name = _CYCLE_FIELD[rel]
            facts.cell(name).offer(q.value, STATED_PROSE)
            stated_next |= name == "next_funding"
        for p in percents:
            sign = _change_sign(sentence, p)
            if sign == 0 or stated_next or p.value >= 100:
                continue
            rel = _cycle_in_context(sentence, refs, context_refs, p)
            if rel == "next":
                facts.pending.append(("next_funding", "ratio", 1 + sign * p.value / 100))
            else:
                facts.pending.append(("previous_funding", "ratio", 1 / (1 + sign * p.value / 100)))

    def _own_cycle(self, sentence: str, q: Quantity) -> str | None:
        """The cycle a sum is written as belonging to: "£X for Tokyo", "its Tokyo funding of £X",
        "£X at Rio".  ("before Tokyo" and "after Rio" date a change instead.)"""
        for pos, year in games_refs(sentence):
            if q.end <= pos <= q.end + 30 and _OWN_AFTER.fullmatch(sentence, q.end, pos):
                return _relation(year, self.anchor)
            if q.start - 40 <= pos < q.start and _OWN_BEFORE.fullmatch(sentence, pos, q.start):
                return _relation(year, self.anchor)
        return None

    def _time_refs(self, text: str) -> list[tuple[int, str]]:
        refs = [(pos, _relation(year, self.anchor)) for pos, year in games_refs(text)]
        refs += [(pos, "next") for pos in _cue_positions("future", text)]
        return refs

    def _prose_medals(self, facts: _Facts, sentence: str, quantities: list[Quantity]) -> None:
        """Medal counts of a sport from prose, leaving out medals of earlier Games ("one gold,
        one silver and one bronze in Rio") and colours not won ("missing out on gold")."""
        refs = games_refs(sentence)
        for clause_start, clause in _clauses(sentence):
            clause_end = clause_start + len(clause)
            clause_refs = [(pos, year) for pos, year in refs if clause_start <= pos < clause_end]
            if not clause_refs and _AGO.search(clause):
                continue

            def earlier(pos: int) -> bool:
                year = _games_at(sentence, pos, clause_refs)
                return year is not None and _relation(year, self.anchor) == "previous"

            counted_spans = []
            for q in quantities:
                if not (clause_start <= q.start < clause_end) or isinstance(q.value, list) \
                        or not float(q.value).is_integer() or earlier(q.start):
                    continue
                noun = sentence.find(q.counts, q.end) if q.counts else -1
                if noun >= 0:  # the counted word is not also a single win ("four of them gold")
                    counted_spans.append((noun, noun + len(q.counts)))
                colour = (q.counts or "").rstrip("s")
                before_noun = _COLOUR_BEFORE_NOUN.fullmatch(sentence, q.end, noun) if noun >= 0 else None
                if before_noun:  # "three bronze medals": the number counts that colour
                    colour = before_noun[1].lower()
                    counted_spans.append(before_noun.span(1))
                elif q.counts in ("medal", "medals") and facts.prose_total is None:
                    facts.prose_total = int(q.value)
                if colour in COLOURS:
                    facts.prose_colours.setdefault(colour, int(q.value))
            # "failed to win a medal", "won no medals"; "a medal of each colour"
            if facts.prose_total is None and any(
                    clause_start <= pos < clause_end and not earlier(pos) for pos in _cue_positions("no_medal", sentence)):
                facts.prose_total = 0
            if any(clause_start <= pos < clause_end and not earlier(pos)
                   for pos in _cue_positions("each_colour", sentence)):
                for colour in COLOURS:
                    facts.prose_colours.setdefault(colour, 1)
            for m in _COLOUR_WORD.finditer(sentence, clause_start, clause_end):
                if any(a <= m.start() < b for a, b in counted_spans) or earlier(m.start()):
                    continue
                colour = m[1].lower()
                lead = sentence[max(clause_start, m.start() - 30):m.start()].lower().rstrip()
                if any(lead.endswith(" " + cue) or lead == cue for cue in _cues()["not_won"]):
                    facts.not_won.add(colour)
                    continue
                if _ALL_OF_THEM.search(lead) and facts.prose_total is not None:
                    # "two medals - both silver": the colour of every medal counted
                    facts.prose_colours.setdefault(colour, facts.prose_total)
                    continue
                if _ATTRIBUTIVE_AFTER.match(sentence, m.end()):
                    continue
                facts.colour_events[colour] = facts.colour_events.get(colour, 0) + \
                    (_plural_winners(sentence[clause_start:m.start()]) if m[2] else 1)


_SEGMENT_BREAK = regex.compile(r"[();]|,(?!\d{3})|\s[-–—]\s")


def _segments(text: str) -> list[str]:
    """Pieces of a heading or stat value between brackets, commas and dashes."""
    return [seg for seg in _SEGMENT_BREAK.split(text) if seg.strip()]


def _games_at(sentence: str, pos: int, refs: list[tuple[int, int]]) -> int | None:
    """The Games a medal mention at `pos` belongs to: the next one named after it in the clause
    ("one gold, one silver and one bronze in Rio"), unless a comparison stands between them
    ("a gold and two bronzes, down from seven medals in Rio"); else the last one named before it
    in the same segment, in the segment a relative clause hangs on ("after the 2016 Games, at
    which GB won two golds"), or in a short opening phrase ("In Rio, the divers had won ...")."""
    for ref_pos, year in refs:
        if ref_pos >= pos:
            if not _COMPARISON.search(sentence, pos, ref_pos):
                return year
            break
    for ref_pos, year in reversed(refs):
        if ref_pos < pos:
            breaks = list(_SEGMENT_BREAK.finditer(sentence, ref_pos, pos))
            if not breaks or (len(breaks) == 1 and _RELATIVE_START.match(sentence, breaks[0].end())):
                return year
            opening = _SEGMENT_BREAK.search(sentence)
            if opening and ref_pos < opening.start() and len(sentence[:opening.start()].split()) <= 5:
                return year  # a sentence opened by "In Rio," is set at those Games throughout
            return None
    return None


def _row(facts: _Facts, source: str, cost_article: bool, currency: str) -> MedalRow | None:
    """The row of one sport, once every article of its source has been read.  `cost_article`
    says the source ranks sports by cost per medal, so a sum in a heading is that cost;
    `currency` is the one the source writes its sums in."""
    derived: set[str] = {name for name, cell in facts.cells.items() if cell.computed and cell.value is not None}
    values = {name: cell.value for name, cell in facts.cells.items()}
    if not facts.stated_medals:
        counts = _prose_counts(facts)
        prose_derived: set[str] = set()
        if any(v is not None for v in counts.values()):
            _complete_colours(counts, prose_derived)
        values.update({k: v for k, v in counts.items() if v is not None})
        derived |= prose_derived
    funding = values.get("funding")
    for heading_money in facts.heading_money:
        total = values.get("medals_total")
        is_cost = cost_article or (funding and total and abs(funding / total - heading_money) <= 0.03 * heading_money)
        if is_cost:
            if values.get("cost_per_medal") is None:
                values["cost_per_medal"] = heading_money
        elif funding is None:
            values["funding"] = funding = heading_money
    if funding is not None:
        for name, kind, amount in facts.pending:
            if facts.cell(name).priority >= STATED_PROSE:
                continue
            value = funding + amount if kind == "delta" else funding * amount
            if values.get(name) is None and value > 0:
                values[name] = int(round(value))
                derived.add(name)
    total = values.get("medals_total")
    if values.get("cost_per_medal") is None and funding and total:
        values["cost_per_medal"] = int(round(funding / total))
        derived.add("cost_per_medal")
    fields = ("funding", "medals_total", "gold", "silver", "bronze", "previous_funding", "next_funding")
    if all(values.get(f) is None for f in fields):
        return None
    money = any(values.get(f) is not None for f in (*MONEY_FIELDS, "cost_per_medal"))
    games = _games_label(facts.anchor, facts.para) if facts.anchor else None
    as_int = {k: (int(v) if v is not None else None) for k, v in values.items()}
    return MedalRow(source, facts.article, facts.line, facts.sport, games,
                    currency if money else None, as_int.get("funding"), as_int.get("medals_total"),
                    as_int.get("gold"), as_int.get("silver"), as_int.get("bronze"),
                    as_int.get("previous_funding"), as_int.get("next_funding"),
                    as_int.get("cost_per_medal"),
                    [f for f in (*fields, "cost_per_medal") if f in derived])


def _main_currency(text: str) -> str:
    """The currency most sums of a source are written in (GBP when none is written)."""
    counts: dict[str, int] = {}
    for m in _CURRENCY_SIGN.finditer(text):
        for q in parse_quantities(m[0]):
            if q.unit in MONEY_UNITS:
                counts[q.unit] = counts.get(q.unit, 0) + 1
    return max(counts, key=counts.get) if counts else "GBP"


def _table_money(cell: str, scale: tuple[str, float] | None) -> int | None:
    """A money cell: "£24.6m" or "24,559,306" as written; a bare "24.56" under a header with no
    scale is read in millions, the way these tables are usually set."""
    quantities = [q for q in parse_quantities(cell, money_scale=scale) if not isinstance(q.value, list)]
    if not quantities:
        return None
    q = quantities[0]
    if q.unit in MONEY_UNITS:
        return int(round(q.value))
    if q.unit is None and isinstance(q.value, (int, float)) and q.value >= 0:
        return int(round(q.value if q.value >= 10000 else q.value * 1e6))
    return None


def _prose_counts(facts: _Facts) -> dict[str, int | None]:
    """Medals of a sport read from prose: a stated total ("Eight medals"), stated colour counts
    ("four of them gold"), and single wins ("won silver", "Sky Brown's bronze medal")."""
    counts: dict[str, int | None] = {"medals_total": facts.prose_total}
    for c in COLOURS:
        if c in facts.prose_colours:
            counts[c] = facts.prose_colours[c]
        elif facts.colour_events.get(c):
            counts[c] = facts.colour_events[c]
        elif c in facts.not_won:
            counts[c] = 0
        else:
            counts[c] = None
    known = sum(counts[c] or 0 for c in COLOURS)
    if counts["medals_total"] is not None and known > counts["medals_total"]:
        for c in COLOURS:  # single wins over-counted: keep only what was stated as a number
            if c not in facts.prose_colours:
                counts[c] = None
    return counts


def _plural_winners(before: str) -> int:
    """How many medals "won silvers" stands for: the names joined before it ("Bradly Sinden and
    Lauren Williams, who won silvers" is two); at least two."""
    names = _NAME.findall(before)
    return max(2, len(names))


def _clauses(sentence: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for m in _CLAUSE_SPLIT.finditer(sentence):
        out.append((pos, sentence[pos:m.start()]))
        pos = m.end()
    out.append((pos, sentence[pos:]))
    return out


def _cycle_of(sentence: str, refs: list[tuple[int, str]], q: Quantity) -> str | None:
    """The cycle a sum in a sentence is about, from the Games and tense cues around it: the
    nearest in its own comma-delimited segment, else the nearest before it in the sentence
    ("faces a cut for the Paris 2024 cycle, however, from £16.3m to £12.2m").  A Games named
    only in a later segment belongs to something else ("receives £27.6m, a rise of £3m on the
    Tokyo cycle")."""
    if not refs:
        return None
    seg_start = max((m.end() for m in _SEGMENT_BREAK.finditer(sentence, 0, q.start)), default=0)
    following = _SEGMENT_BREAK.search(sentence, q.end)
    seg_end = following.start() if following else len(sentence)
    own = [r for r in refs if seg_start <= r[0] < seg_end]
    before = [r for r in refs if r[0] < q.start]
    candidates = own or before
    if not candidates:
        return None
    return min(candidates, key=lambda r: min(abs(r[0] - q.start), abs(r[0] - q.end)))[1]


def _money_form(sentence: str, q: Quantity) -> str:
    """How a sum is written: "from" (the old value of a change), "to"/absolute (a level), or
    "delta" (the size of a change: "a cut of £X", "lose a further £X", "£X more")."""
    words = [t for t, _, _ in _tokens(sentence[max(0, q.start - 45):q.start])]
    while words and words[-1] in _FILLER_BEFORE_MONEY and words[-1] != "of":
        words.pop()
    if words and words[-1] == "from":
        # the old value of a change ("cut from £X", "from £X to £Y"), not a source ("won two
        # medals from £X of funding")
        changed = _cue_positions("decrease", sentence) or _cue_positions("increase", sentence) \
            or _TO_MONEY.match(sentence, q.end)
        return "from" if changed else "level"
    if words and words[-1] == "to":
        return "to"
    tail2 = " ".join(words[-2:])
    tail1 = words[-1] if words else ""
    difference = _cues()["difference"]
    if tail2 in difference or tail1 in difference:
        return "delta"
    after = [t for t, _, _ in _tokens(sentence[q.end:q.end + 20])][:2]
    if after and (after[0] in _cues()["difference_after"] or " ".join(after) in _cues()["difference_after"]):
        return "delta"
    return "level"


_FOLLOWING_CYCLE = {"previous": "current", "current": "next"}
_PRECEDING_CYCLE = {"current": "previous", "next": "current"}


def _cycle_in_context(sentence: str, refs: list[tuple[int, str]], context_refs: list[tuple[int, str]],
                      q: Quantity) -> str:
    """The cycle of a sum: from its own sentence, else the next one when the sentences before
    it in the paragraph speak of the coming Games, else the current one."""
    return _cycle_of(sentence, refs, q) or ("next" if any(r == "next" for _, r in context_refs) else "current")


def _paired_cycles(forms: list[str], owns: list[str | None]) -> list[str | None]:
    """The cycles of the sums of one change (`forms` from `_money_form`, `owns` the cycles
    their sentence names): the old value ("from £X") belongs to the cycle before the new
    one, so when the sentence names the cycle of one of them, the other follows ("receiving
    £27.3m, up from £24.6m for the Tokyo cycle": £27.3m is for the cycle after Tokyo)."""
    old = [i for i, form in enumerate(forms) if form == "from"]
    new = [i for i, form in enumerate(forms) if form in ("to", "level")]
    if len(old) != 1 or len(new) != 1:
        return owns
    owns = list(owns)
    (i,), (j,) = old, new
    if owns[i] is not None and owns[j] is None:
        owns[j] = _FOLLOWING_CYCLE.get(owns[i])
    elif owns[j] is not None and owns[i] is None:
        owns[i] = _PRECEDING_CYCLE.get(owns[j])
    return owns


def _future_before(sentence: str, q: Quantity) -> bool:
    """A change stated in the future tense earlier in its clause ("is set to lose a further £X
    from its Tokyo budget") is a change for the next cycle, wherever the Games are named."""
    clause_start = max((m.end() for m in _CLAUSE_SPLIT.finditer(sentence, 0, q.start)), default=0)
    return any(clause_start <= pos < q.start for pos in _cue_positions("future", sentence))


def _change_sign(sentence: str, q: Quantity) -> int:
    """-1 for a cut, +1 for an increase, 0 when the sentence says neither: the nearest cue wins."""
    best, sign = None, 0
    for kind, value in (("decrease", -1), ("increase", 1)):
        for pos in _cue_positions(kind, sentence):
            dist = min(abs(pos - q.start), abs(pos - q.end))
            if best is None or dist < best:
                best, sign = dist, value
    return sign


def _canonical(name: str) -> str:
    mentions = find_sports(_BRACKETS.sub(" ", name))
    return mentions[0].sport.name if mentions else name.lower()


def _is_short_heading(text: str) -> bool:
    """A short title line such as "Paralympic sports:" that switches the Games of what follows."""
    words = text.split()
    return 0 < len(words) <= 6 and not text.rstrip().endswith((".", "?", "!", '"', "”")) \
        and not any(ch.isdigit() for ch in text) and text[0].isupper() and \
        ("olympic" in text.lower() or "paralympic" in text.lower())


def _looks_like_header(cells: list[str]) -> bool:
    low = " ".join(cells).lower()
    numeric = sum(1 for c in cells if regex.fullmatch(r"[£$€]?\s*+[\d.,]+\s*+m?", c.strip()))
    return numeric == 0 and any(w in low for w in ("funding", "medal", "£m", "(£", "cost", "sport"))


def _header_and_rows(cells: list[str]) -> tuple[list[str], list[list[str]]]:
    """A header row, and for a table flattened onto one line the rows that follow it on the same
    line: the header ends where the first sport name starts a row."""
    for i, cell in enumerate(cells):
        if i > 0 and (sport_heading(cell) or _has_cue("team", cell)):
            return cells[:i], _split_rows(cells[i:])
    return cells, []


def _split_rows(cells: list[str]) -> list[list[str]]:
    """Rows of a table line: each starts at a sport name or a team-total label."""
    rows: list[list[str]] = []
    for cell in cells:
        if sport_heading(cell) or _has_cue("team", cell) or not rows:
            rows.append([cell])
        else:
            rows[-1].append(cell)
    return rows


def extract_medals(articles: list[Article]) -> list[MedalRow]:
    """One row per sport (and per Games, Olympic and Paralympic apart) with funding, medals,
    funding of the cycles before and after, and cost per medal."""
    out: list[MedalRow] = []
    by_source: dict[str, list[Article]] = {}
    for art in articles:
        by_source.setdefault(art.source, []).append(art)
    for source, arts in by_source.items():
        arts = _of_the_family(arts)
        if not arts:
            continue
        lines = [ln for art in arts for ln in art.content()]
        games = _games_evidence(lines)
        facts: dict[tuple[str, bool], _Facts] = {}
        for art in arts:
            _Reader(art, facts, games).read()
        text = "\n".join(ln.text for ln in lines)
        rows = [_row(f, source, _has_cue("cost", text), _main_currency(text)) for f in facts.values()]
        out.extend(sorted((r for r in rows if r is not None), key=lambda r: (r.article, r.line)))
    return out


def _of_the_family(arts: list[Article]) -> list[Article]:
    """The articles of one stream that are about Olympic funding and medals, with the runs of
    articles next to them that speak of the Games or of a sport (pieces of one such article,
    should the splitter have cut it): the other news of a long stream (a sprinter's ban, a
    team's results) gives no rows, as it gives none on its own."""
    texts = ["\n".join(ln.text for ln in art.content()) for art in arts]
    olympic = [bool(_OLYMPIC_TOPIC.search(t)) or any(_GAMES_NAME.search(ln.text) and games_refs(ln.text)
                                                    for ln in art.content())
               for art, t in zip(arts, texts)]
    keep = [o and bool(_has_cue("article", t) or _MEDAL_STAT.search(t)) for o, t in zip(olympic, texts)]
    for order in (range(1, len(arts)), range(len(arts) - 2, -1, -1)):
        step = 1 if order.step > 0 else -1
        for i in order:  # sports are looked for only next to a kept article: the search is dear
            keep[i] = keep[i] or keep[i - step] and (olympic[i] or bool(find_sports(texts[i])))
    return [art for art, kept in zip(arts, keep) if kept]


# --- helpers for the table view ---------------------------------------------------------------

def sort_rows(rows: list[MedalRow], key: str) -> list[MedalRow]:
    """Rows sorted for display: by funding or medals (largest first) or cost per medal (cheapest
    first); unknown values last."""
    attr = {"funding": "funding", "medals": "medals_total", "cost": "cost_per_medal"}[key]
    descending = key != "cost"

    def order(row: MedalRow):
        value = getattr(row, attr)
        return (value is None, -(value or 0) if descending else (value or 0), row.sport)
    return sorted(rows, key=order)


def totals(rows: list[MedalRow]) -> dict:
    """Sums over rows for a totals line; a column is None when no row knows it.  Cost per medal
    is total funding over total medals of the rows that have both."""
    out: dict = {}
    for name in ("funding", "medals_total", "gold", "silver", "bronze", "previous_funding", "next_funding"):
        known = [getattr(r, name) for r in rows if getattr(r, name) is not None]
        out[name] = sum(known) if known else None
    both = [r for r in rows if r.funding is not None and r.medals_total]
    out["cost_per_medal"] = round(sum(r.funding for r in both) / sum(r.medals_total for r in both)) if both else None
    return out
