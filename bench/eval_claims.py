"""Score `extractors.claims` with the shared scorer on the seed gold and on PolNeAR.

usage: python bench/eval_claims.py [--shared DIR] [--split dev|train] [--speed MB]

* Seed: the sample stream, cut into articles by `extractors.articles.split_stream` (as the
  CLI does), scored by ../shared/eval/score_claims.py against ../shared/gold/seed.
* PolNeAR (default: dev): every article's first annotation file (sorted), its paragraphs as
  lines, all articles in one stream.  Each attribution becomes a stream-gold claim on the
  line where its content starts.  Attributions without a source are optional.  PolNeAR
  also counts beliefs and evidence ("polls show", "X wants"), so a second run keeps as
  required only attributions whose cue is a verb of saying (SPEECH_CUES below) and makes
  the rest optional.  PolNeAR has no polarity; the gold polarity is "deny" when the
  annotated cue is a denial verb.  PolNeAR does not annotate claims relayed inside a
  quotation (the seed gold does: Q42, Q44), so each PolNeAR figure is printed a second time
  without the predicted claims that start inside a quotation.
* Speed: MB/s of extract_claims over BBC articles (../shared/data/articles), one core.
Contract JSONL and gold files go to a temporary directory; the scorer's last lines are
printed.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from extractors.articles import split_stream  # noqa: E402
from extractors.claims import extract_claims, find_quotes  # noqa: E402
from extractors.text import Article, Line, split_lines  # noqa: E402

# Verbs (and "according") that report speech or writing, for the speech-only PolNeAR figure.
SPEECH_CUES = {
    "said", "says", "say", "saying", "told", "tells", "tell", "telling", "according", "added",
    "adding", "adds", "wrote", "writes", "writing", "stated", "states", "announced", "declared",
    "noted", "noting", "explained", "asked", "asking", "replied", "responded", "argued",
    "argues", "claimed", "claims", "insisted", "insists", "warned", "warns", "denied", "denies",
    "denying", "confirmed", "acknowledged", "admitted", "tweeted", "reported", "reports",
    "continued", "suggested", "called", "described", "recalled", "urged", "vowed", "promised",
    "stressed", "conceded", "remarked", "quipped", "joked", "predicted", "pointed", "rejected",
    "dismissed", "countered", "boasted", "complained", "alleged", "revealed", "disclosed",
    ":",
}
DENIAL_CUES = ("deni", "deny", "reject", "dismiss", "refut", "disput")


def run_scorer(shared: Path, pred: Path, gold: Path, n_last: int) -> str:
    out = subprocess.run([sys.executable, str(shared / "eval" / "score_claims.py"), str(pred), str(gold)],
                         capture_output=True, text=True, check=False)
    return "\n".join(out.stdout.strip().splitlines()[-n_last:])


def write_jsonl(claims, path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for c in claims:
            f.write(json.dumps(dataclasses.asdict(c), ensure_ascii=False) + "\n")


def eval_seed(shared: Path, tmp: Path) -> str:
    seed = shared / "gold" / "seed"
    lines = split_lines((seed / "000_5c0c75460a2caaf8.txt").read_text(encoding="utf-8"))
    pred = tmp / "seed.jsonl"
    write_jsonl(extract_claims(split_stream(lines, "seed")), pred)
    return run_scorer(shared, pred, seed, 12)


# ----------------------------------------------------------------- PolNeAR


def _parse_ann(path: Path) -> tuple[dict, list[dict]]:
    spans, events = {}, []
    for raw in path.read_text(encoding="utf-8").split("\n"):
        m = re.match(r"(T\d+)\t(\S+) ([\d ;]+)\t", raw)
        if m:
            parts = [tuple(map(int, p.split())) for p in m.group(3).split(";")]
            spans[m.group(1)] = (m.group(2), parts)
            continue
        m = re.match(r"(E\d+)\t(.*)", raw)
        if m:
            roles = {}
            for item in m.group(2).split():
                role, _, ref = item.partition(":")
                roles.setdefault(re.sub(r"\d+$", "", role), []).append(ref)
            events.append(roles)
    return spans, events


def _span_text(text: str, parts: list[tuple[int, int]]) -> str:
    return " ".join(text[a:b] for a, b in parts)


_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?|''.*?(?:''|$)")


def _kind(content: str) -> str:
    """direct when nothing but quotations is left once they are cut out; mixed when a
    quotation sits in reported words; indirect without quotation marks."""
    rest = _QUOTED.sub(" ", content)
    if rest == content:
        return "indirect"
    return "mixed" if re.search(r"[^\W\d_]", rest) else "direct"


def polnear_stream(split_dir: Path, speech_only: bool) -> tuple[list[Article], dict]:
    """All articles of one PolNeAR split as one stream, with its stream gold."""
    articles, gold_claims, gold_articles = [], [], []
    offset = 0
    seen = set()
    for ann in sorted((split_dir / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        if name in seen:
            continue
        seen.add(name)
        text = (split_dir / "text" / f"{name}.txt").read_text(encoding="utf-8")
        lines = text.split("\n")
        line_starts, pos = [], 0
        for ln in lines:
            line_starts.append(pos)
            pos += len(ln) + 1
        number = len(articles) + 1
        articles.append(Article("polnear", number,
                                [Line(offset + i + 1, ln) for i, ln in enumerate(lines)]))
        gold_articles.append({"first_line": offset + 1, "last_line": offset + len(lines)})
        spans, events = _parse_ann(ann)
        for ev in events:
            contents = [spans[r] for r in ev.get("Content", []) if r in spans]
            if not contents:
                continue
            parts = sorted(p for _, ps in contents for p in ps)
            content = _span_text(text, parts)
            first = parts[0][0]
            line = max(i for i, s in enumerate(line_starts) if s <= first) + offset + 1
            source = " ".join(_span_text(text, spans[r][1]) for r in ev.get("Source", []) if r in spans)
            cue = " ".join(_span_text(text, spans[r][1]) for r in ev.get("Cue", []) if r in spans)
            cue_word = (re.findall(r"[^\W\d_]+|:", cue.lower()) or [""])[-1 if cue.strip() == ":" else 0]
            cue_words = set(re.findall(r"[^\W\d_]+|:", cue.lower()))
            optional = not source or (speech_only and not cue_words & SPEECH_CUES)
            gold_claims.append({
                "line": line, "content": content, "speaker": source or None, "speaker_resolved": None,
                "cue": cue or None, "kind": _kind(content),
                "polarity": "deny" if cue_word.startswith(DENIAL_CUES) else "assert",
                "optional": optional,
            })
        offset += len(lines)
    gold = {"articles": gold_articles, "claims": gold_claims, "n_lines": offset, "debris_lines": []}
    return articles, gold


def nested_in_quotes(claims, line_text: dict[int, str]) -> list:
    """The claims that start inside a quotation, after some of its words ("'A journalist told
    us …,' she said").  The seed gold annotates them; PolNeAR does not (of 31 cue words inside
    quotations in dev, none is an annotated cue), so the PolNeAR figures are also given
    without them."""
    nested = []
    for c in claims:
        text = line_text[c.line]
        if any(q.inner[0] < c.start < q.close and re.search(r"\w", text[q.inner[0]:c.start])
               for q in find_quotes(text)):
            nested.append(c)
    return nested


def eval_polnear(shared: Path, tmp: Path, split: str, speech_only: bool) -> str:
    articles, gold = polnear_stream(shared / "data" / "quotes" / "polnear" / split, speech_only)
    label = f"polnear-{split}{'-speech' if speech_only else ''}"
    gold_path = tmp / f"{label}.gold.json"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    pred = tmp / f"{label}.jsonl"
    claims = extract_claims(articles)
    write_jsonl(claims, pred)
    report = run_scorer(shared, pred, gold_path, 12)
    line_text = {ln.number: ln.text for article in articles for ln in article.lines}
    nested = {id(c) for c in nested_in_quotes(claims, line_text)}
    write_jsonl([c for c in claims if id(c) not in nested], pred)
    flat = run_scorer(shared, pred, gold_path, 1)
    return f"{report}\nwithout the {len(nested)} claims nested in quotations (not annotated in PolNeAR): {flat}"


# ----------------------------------------------------------------- speed


def eval_speed(shared: Path, megabytes: float) -> str:
    """One article per BBC file, as the CLI would see a folder of articles."""
    articles, size = [], 0
    for path in sorted((shared / "data" / "articles" / "bbc").rglob("*.txt")):
        lines = split_lines(path.read_text(encoding="utf-8", errors="replace"))
        articles.append(Article(path.name, 1, [Line(i + 1, ln) for i, ln in enumerate(lines)]))
        size += sum(len(ln.encode("utf-8")) + 1 for ln in lines)
        if size >= megabytes * 1e6:
            break
    extract_claims(articles[:1])  # load the word lists and the given-name table first
    began, began_cpu = time.perf_counter(), time.process_time()
    n_claims = sum(len(extract_claims([article])) for article in articles)
    seconds, cpu = time.perf_counter() - began, time.process_time() - began_cpu
    return (f"speed: {size / 1e6:.1f} MB in {len(articles)} articles, {n_claims} claims: "
            f"{size / 1e6 / cpu:.2f} MB/s of CPU time on one core ({cpu:.2f} s; wall {seconds:.2f} s)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(REPO.parent / "shared"), help="the shared folder (default ../shared)")
    ap.add_argument("--split", default="dev", choices=["dev", "train"], help="PolNeAR split (never test)")
    ap.add_argument("--speed", type=float, default=4.0, help="MB of BBC text for the speed figure (0: skip)")
    a = ap.parse_args()
    shared = Path(a.shared)
    if not (shared / "eval" / "score_claims.py").is_file():
        sys.exit(f"no scorer under {shared}/eval; pass --shared")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        print("== seed (split_stream + extract_claims)")
        print(eval_seed(shared, tmp))
        for speech_only in (False, True):
            print(f"\n== PolNeAR {a.split} ({'speech cues only' if speech_only else 'all attributions'})")
            print(eval_polnear(shared, tmp, a.split, speech_only))
    if a.speed > 0:
        print("\n" + eval_speed(shared, a.speed))


if __name__ == "__main__":
    main()
