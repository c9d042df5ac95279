"""Evaluate `extractors.entities` on the seed gold, CoNLL-2003 and BBC text (speed).

usage: python bench/eval_entities.py [--conll dev|test|none] [--speed-mb N] [--errors]

* seed: articles and line kinds are taken from the gold (so the figures measure the entity
  tagger, not the splitter); contract JSONL goes to a temp dir and the shared scorer
  (../shared/eval/score_entities.py) prints its table, once for the headline types and once
  for all types.  Then canonical grouping is scored as pairwise F1 against
  entities_canonical.json: over the gold mentions of the six named types that we also
  predicted with the exact span, a pair is positive when both mentions belong to one
  entity (gold: a shared canonical id; ours: an equal `canonical`).
* CoNLL: each document is one article of body lines; spans go to the shared NER scorer
  (../shared/eval/ner/score.py) with its OntoNotes -> CoNLL label map.  CoNLL spans never
  include a determiner, so a leading "the " is trimmed from ours first.  Tune on dev; run
  test once.
* speed: MB/s per core (process CPU time, so other load on the machine matters little) of
  `extract_entities` over N MB of streams of 3-8 BBC articles each (as bench/benchmark.py
  builds them, but cut at the known article ends, so the splitter is not timed): a first
  pass with cold caches and a second pass, plus the time ratio of 2x the streams (linear
  time check).
"""
from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "gold" / "seed"
sys.path.insert(0, str(REPO))

from extractors.entities import NAME_TYPES, extract_entities  # noqa: E402
from extractors.text import Article, Line  # noqa: E402


def seed_articles() -> list[Article]:
    text = (SEED / "000_5c0c75460a2caaf8.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    kinds = {d["line"]: d["kind"] for d in json.loads((SEED / "lines.json").read_text())}
    articles = []
    for a in json.loads((SEED / "articles.json").read_text()):
        articles.append(Article("seed", a["id"], [Line(n, lines[n - 1], kinds.get(n, "body"))
                                                  for n in range(a["first_line"], a["last_line"] + 1)]))
    return articles


def run_scorer(script: Path, *args: str) -> str:
    out = subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True)
    return out.stdout + out.stderr


def pairwise_canonical_f1(mentions) -> tuple[float, float, float]:
    gold = json.loads((SEED / "entities_canonical.json").read_text())
    gold_ids: dict[tuple, set] = {}
    for ent in gold:
        for m in ent["mentions"]:
            gold_ids.setdefault((m["line"], m["start"], m["end"]), set()).add(ent["id"])
    ours = {(m.line, m.start, m.end): m.canonical for m in mentions if m.type in NAME_TYPES}
    common = sorted(k for k in gold_ids if k in ours)
    tp = fp = fn = 0
    for a, b in itertools.combinations(common, 2):
        same_gold = bool(gold_ids[a] & gold_ids[b])
        same_ours = ours[a] == ours[b]
        tp += same_gold and same_ours
        fp += same_ours and not same_gold
        fn += same_gold and not same_ours
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def eval_seed(tmp: Path, show_errors: bool) -> None:
    mentions = extract_entities(seed_articles())
    pred = tmp / "seed.jsonl"
    pred.write_text("".join(json.dumps(dataclasses.asdict(m), ensure_ascii=False) + "\n"
                            for m in mentions))
    scorer = SHARED / "eval" / "score_entities.py"
    print("== seed, PERSON/ORG/GPE")
    print(run_scorer(scorer, str(pred), str(SEED)).rstrip())
    all_types = "PERSON,ORG,GPE,LOC,NORP,FAC,EVENT,MONEY,PERCENT,QUANTITY,DATE,CARDINAL,ORDINAL,TIME,PRODUCT"
    print("== seed, all types")
    print(run_scorer(scorer, str(pred), str(SEED), "--types", all_types).splitlines()[-1])
    p, r, f = pairwise_canonical_f1(mentions)
    print(f"== seed canonical grouping: pairwise P={p:.3f} R={r:.3f}\ncanonical.pairwise_f1={f:.3f}")
    if show_errors:
        gold = json.loads((SEED / "entities.json").read_text()) + \
            json.loads((SEED / "entities_extra.json").read_text())
        debris = {d["line"] for d in json.loads((SEED / "lines.json").read_text()) if d["debris"]}
        g = {(e["line"], e["start"], e["end"], e["type"]): e["text"] for e in gold if e["line"] not in debris}
        o = {(m.line, m.start, m.end, m.type): m.text for m in mentions if m.line not in debris}
        for k in sorted(set(g) | set(o)):
            if (k in g) != (k in o):
                print("MISS" if k in g else "EXTRA", k, g.get(k) or o.get(k))


def eval_conll(split: str, tmp: Path) -> None:
    sys.path.insert(0, str(SHARED / "eval" / "ner"))
    import nerdata
    dataset = f"conll2003-{split}"
    _, docs = nerdata.load(dataset)
    rows = []
    for d in docs:
        lines = d["text"].split("\n")
        offsets = list(itertools.accumulate((len(x) + 1 for x in lines), initial=0))
        article = Article(d["id"], 1, [Line(i + 1, t) for i, t in enumerate(lines)])
        spans = []
        for m in extract_entities([article]):
            start = m.start + 4 if m.text.startswith(("the ", "The ")) else m.start
            spans.append([offsets[m.line - 1] + start, offsets[m.line - 1] + m.end, m.type])
        rows.append({"id": d["id"], "spans": spans})
    pred = tmp / f"conll-{split}.jsonl"
    nerdata.write_jsonl(pred, rows)
    print(f"== CoNLL-2003 {split}")
    print(run_scorer(SHARED / "eval" / "ner" / "score.py", dataset, str(pred)).rstrip())


def bbc_streams(megabytes: float, seed: int = 7) -> tuple[list[list[Article]], int]:
    """Streams of 3-8 BBC articles (title line as headline, paragraphs as body lines) until
    they hold `megabytes` of text; and their size in bytes."""
    bbc = []
    for path in sorted((SHARED / "data" / "articles" / "bbc").glob("*/*.txt")):
        paras = [p.strip() for p in path.read_text(encoding="latin-1").split("\n") if p.strip()]
        if len(paras) > 2:
            bbc.append(paras)
    rng = random.Random(seed)
    streams, size = [], 0
    while size < megabytes * 1e6:
        articles, number = [], 1
        for k, paras in enumerate(rng.sample(bbc, rng.randint(3, 8))):
            lines = [Line(number + i, t, "headline" if i == 0 else "body") for i, t in enumerate(paras)]
            articles.append(Article(f"stream{len(streams)}", k + 1, lines))
            number += len(paras)
            size += sum(len(t.encode()) + 1 for t in paras)
        streams.append(articles)
    return streams, size


def cpu_seconds(streams: list[list[Article]]) -> float:
    t0 = time.process_time()  # CPU time of this process: MB/s per core, whatever the load
    for articles in streams:
        extract_entities(articles)
    return time.process_time() - t0


def eval_speed(megabytes: float) -> None:
    streams, size = bbc_streams(megabytes)
    cpu_seconds(streams[:2])  # load the gazetteer and compile the patterns first
    cold = cpu_seconds(streams)
    warm = cpu_seconds(streams)
    more, more_size = bbc_streams(2 * megabytes, seed=11)
    cpu_seconds(more)
    ratio = cpu_seconds(more) / warm  # second passes both: the same share of names seen before
    mb = size / 1e6
    print(f"== speed on {mb:.1f} MB of BBC streams: {mb / cold:.2f} MB/s first pass, "
          f"{mb / warm:.2f} MB/s second pass (names seen before); "
          f"{more_size / size:.2f}x text takes {ratio:.2f}x time")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--conll", default="dev", choices=["dev", "test", "none"])
    ap.add_argument("--speed-mb", type=float, default=3.0, help="0 to skip the speed run")
    ap.add_argument("--errors", action="store_true", help="list seed misses and extras")
    a = ap.parse_args()
    if not SHARED.is_dir():
        sys.exit("../shared is not beside the repository")
    with tempfile.TemporaryDirectory() as tmp:
        eval_seed(Path(tmp), a.errors)
        if a.conll != "none":
            eval_conll(a.conll, Path(tmp))
    if a.speed_mb:
        eval_speed(a.speed_mb)


if __name__ == "__main__":
    main()
