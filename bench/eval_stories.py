"""Evaluate `copydesk stories`.

1. Seed: precision/recall of story grouping (article pairs) and of corroborated and
   contested facts against the hand-made gold in tests/data/stories_gold.json.
   Inputs come from the real extractors when they are importable, or with
   `--inputs gold` from the seed gold's entities and claims (to judge this module alone).
2. Dev: 10,000 articles built from ../shared/data/articles/bbc (each BBC article retold
   by 3-6 "outlets": lede kept, other paragraphs sampled and reordered).  Prints the time
   on one core (CPU seconds of entities, claims, figures and stories' own part) and
   story-grouping pairwise precision/recall against the known retellings
   (strict: follow-ups on the same topic, which the BBC set has many of, count as errors).
3. Small streams: ../shared/eval/seg/make_streams.py's bbc-samecat-head and
   bbc-samestory-head streams (100 each, cut where the generator says), counting the
   article pairs linked into one story: every pair is two different BBC articles (the
   samestory ones are a seed article and its nearest same-topic neighbours), so fewer is
   better as long as the seed's and dev's retellings still link.  Cosines in a stream of
   five articles and in a day of news must mean the same.
4. Outlets: detect_outlet on the 181 full web pages of ../shared/data/articles/aeb-web,
   against the site in each page's URL (for the sites in stories_outlets.txt).

Usage:  python bench/eval_stories.py [--inputs real|gold] [--articles 10000] [--skip-speed]
        [--skip-streams]
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = SHARED / "gold" / "seed"
GOLD = REPO / "tests" / "data" / "stories_gold.json"
sys.path.insert(0, str(REPO))

from extractors.stories import group_stories  # noqa: E402
from extractors.text import Article, Line, split_lines  # noqa: E402

SAMPLE_SOURCE = "samples/afghanistan-china-olympics-stream.txt"


def seed_articles() -> list[Article]:
    """The sample cut and labelled as the seed gold says."""
    lines = split_lines((SEED / "000_5c0c75460a2caaf8.txt").read_text(encoding="utf-8"))
    kinds = {rec["line"]: rec["kind"] for rec in json.loads((SEED / "lines.json").read_text())}
    return [Article(SAMPLE_SOURCE, a["id"], [Line(n, lines[n - 1], kinds.get(n, "body"))
                                             for n in range(a["first_line"], a["last_line"] + 1)])
            for a in json.loads((SEED / "articles.json").read_text())]


def seed_gold_records() -> tuple[list[dict], list[dict]]:
    """Entity mentions and claims of the seed gold in the extractors' record shape."""
    names = {c["id"]: c["canonical"] for c in json.loads((SEED / "entities_canonical.json").read_text())}
    mentions = [{"source": SAMPLE_SOURCE, "article": m["article"], "line": m["line"], "start": m["start"],
                 "end": m["end"], "text": m["text"], "type": m["type"],
                 "canonical": names[m["canonical"][0]] if m["canonical"] else m["text"]}
                for m in json.loads((SEED / "entities.json").read_text())]
    claims = [{"source": SAMPLE_SOURCE, "article": c["article"], "line": c["line"], "lines": c["lines"],
               "speaker": c["speaker"], "speaker_resolved": c["speaker_resolved"], "cue": c["cue"],
               "kind": c["kind"], "polarity": c["polarity"], "content": c["content"],
               "start": c["content_start"], "end": c["content_end"]}
              for c in json.loads((SEED / "claims.json").read_text())]
    return mentions, claims


def _prf(hit_p: int, n_p: int, hit_g: int, n_g: int) -> tuple[float, float, float]:
    p = hit_p / n_p if n_p else 0.0
    r = hit_g / n_g if n_g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairs_of(groups) -> set[tuple]:
    return {tuple(sorted(pair)) for g in groups for pair in combinations(g, 2)}


def score_seed(records: list[dict], gold: dict) -> dict[str, tuple[float, float, float]]:
    """Pairwise story P/R/F1 and one-to-one fact P/R/F1 (corroborated + contested)."""
    stories = [[a["article"] for a in r["articles"]] for r in records if r["record"] == "story"]
    got, want = pairs_of(stories), pairs_of(gold["stories"])
    story_prf = _prf(len(got & want), len(got), len(got & want), len(want))

    predicted = [r for r in records if r["record"] == "fact" and r["status"] != "single"]

    def cited(fact, side):
        return {(c["article"], c["line"]) for c in fact[side]}

    def matches(pred, g) -> int:
        lines = cited(pred, "supports") | cited(pred, "disputes")
        if pred["status"] != g["status"]:
            return 0
        if g["status"] == "contested":
            s, d = lines & {tuple(x) for x in g["supports"]}, lines & {tuple(x) for x in g["disputes"]}
            return len(s | d) if s and d and s | d != s & d else 0
        hit = lines & {tuple(x) for x in g["lines"]}
        return len(hit) if len({a for a, _ in hit}) >= 2 else 0

    candidates = sorted(((matches(p, g), i, j) for i, p in enumerate(predicted)
                         for j, g in enumerate(gold["facts"])), reverse=True)
    used_p, used_g = set(), set()
    for score, i, j in candidates:
        if score and i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    fact_prf = _prf(len(used_p), len(predicted), len(used_g), len(gold["facts"]))
    missed = [g["summary"] for j, g in enumerate(gold["facts"]) if j not in used_g]
    extra = [p["summary"] for i, p in enumerate(predicted) if i not in used_p]
    return {"stories": story_prf, "facts": fact_prf, "missed": missed, "extra": extra}


def run_seed(inputs: str) -> dict:
    articles = seed_articles()
    if inputs == "gold":
        mentions, claims = seed_gold_records()
        records = group_stories(articles, mentions=mentions, claims=claims, figures=[])
    else:
        records = group_stories(articles)
    rows = [asdict(r) for r in records]
    out = Path(tempfile.mkdtemp(prefix="stories-")) / "seed.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    result = score_seed(rows, json.loads(GOLD.read_text()))
    result["jsonl"] = str(out)
    return result


def bbc_retellings(n_articles: int, seed: int = 8) -> tuple[list[Article], list[int]]:
    """n articles, each a retelling of a BBC article (and the index of that original)."""
    rng = random.Random(seed)
    originals = []
    for path in sorted((SHARED / "data" / "articles" / "bbc").glob("*/*.txt")):
        paras = [p for p in split_lines(path.read_text(encoding="latin-1")) if p.strip()]
        if len(paras) >= 3:
            originals.append(paras)
    articles, truth = [], []
    while len(articles) < n_articles:
        index = len(truth) and truth[-1] + 1
        index = rng.randrange(len(originals)) if index >= len(originals) else index
        head, lede, *rest = originals[index]
        for _ in range(rng.randint(3, 6)):
            kept = [p for p in rest if rng.random() < 0.7]
            rng.shuffle(kept)
            paras = ([head] if rng.random() < 0.5 else []) + [lede] + kept
            number = len(articles) % 100 + 1
            source = f"bbc-day/{len(articles) // 100:03d}.txt"
            lines = [Line(k, t, "headline" if t is head else "body") for k, t in enumerate(paras, 1)]
            articles.append(Article(source, number, lines))
            truth.append(index)
            if len(articles) == n_articles:
                break
    return articles, truth


def run_speed(n_articles: int, inputs: str) -> None:
    articles, truth = bbc_retellings(n_articles)
    megabytes = sum(len(ln.text) + 1 for a in articles for ln in a.lines) / 1e6
    started, cpu_started = time.perf_counter(), time.process_time()
    inputs_of, cpu = {"mentions": [], "claims": [], "figures": []}, {}
    if inputs == "real":  # the extractors group_stories would run, timed one by one
        from extractors.claims import extract_claims
        from extractors.entities import extract_entities
        from extractors.figures import extract_figures
        for name, extract in (("mentions", extract_entities), ("claims", extract_claims),
                              ("figures", extract_figures)):
            step = time.process_time()
            inputs_of[name] = extract(articles)
            cpu[extract.__module__.rsplit(".", 1)[-1]] = time.process_time() - step
    step = time.process_time()
    records = group_stories(articles, **inputs_of)
    cpu["stories"] = time.process_time() - step
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    index = {(a.source, a.number): i for i, a in enumerate(articles)}
    stories = [[index[x["source"], x["article"]] for x in r.articles] for r in records if r.record == "story"]
    got = pairs_of(stories)
    want = pairs_of([[i for i, t in enumerate(truth) if t == original] for original in set(truth)])
    p, r, f = _prf(len(got & want), len(got), len(got & want), len(want))
    facts = sum(1 for x in records if x.record == "fact")
    print(f"dev: {len(articles)} articles ({megabytes:.1f} MB) in {seconds:.1f} s wall, {cpu_seconds:.1f} s CPU (one core); "
          f"{len(stories)} stories, {facts} facts")
    print("dev.cpu_seconds " + " ".join(f"{name}={seconds:.1f}" for name, seconds in cpu.items()))
    print(f"dev.story_pairs P={p:.3f} R={r:.3f} F1={f:.3f}")


VARIANTS = ("bbc-samecat-head", "bbc-samestory-head")


def run_small_streams(inputs: str) -> None:
    """Linked pairs per generated stream variant (see the module docstring, step 3)."""
    out = Path(tempfile.mkdtemp(prefix="stories-streams-"))
    subprocess.run([sys.executable, str(SHARED / "eval" / "seg" / "make_streams.py"), "--out", str(out),
                    "--n-streams", "100", "--seed", "13", "--data", str(SHARED / "data" / "articles"),
                    "--variants", *VARIANTS],
                   check=True, capture_output=True)
    for variant in VARIANTS:
        linked = pairs = 0
        for meta_path in sorted((out / variant).glob("*.json")):
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            lines = split_lines(meta_path.with_suffix(".txt").read_text(encoding="utf-8"))
            articles = [Article(meta_path.name, k, [Line(n, lines[n - 1], "headline" if n == a["first_line"] else "body")
                                                    for n in range(a["first_line"], a["last_line"] + 1)])
                        for k, a in enumerate(meta["articles"], 1)]
            inputs_of = {"mentions": [], "claims": [], "figures": []} if inputs == "gold" else {}
            records = group_stories(articles, **inputs_of)
            linked += sum(len(r.articles) * (len(r.articles) - 1) // 2 for r in records if r.record == "story")
            pairs += len(articles) * (len(articles) - 1) // 2
        print(f"streams.{variant} linked_pairs={linked} of {pairs}")


# Site of a page -> outlet name in extractors/data/stories_outlets.txt (evaluation only).
SITES = {"bbc.co.uk": "BBC", "bbc.com": "BBC", "nytimes.com": "The New York Times",
         "wsj.com": "The Wall Street Journal", "theguardian.com": "The Guardian", "cnn.com": "CNN",
         "foxnews.com": "Fox News", "washingtonpost.com": "The Washington Post", "news.sky.com": "Sky News",
         "aljazeera.com": "Al Jazeera", "dailymail.co.uk": "Daily Mail", "express.co.uk": "Daily Express",
         "independent.co.uk": "The Independent", "telegraph.co.uk": "The Telegraph", "ft.com": "Financial Times",
         "npr.org": "NPR", "nbcnews.com": "NBC News", "cbsnews.com": "CBS News", "abcnews.go.com": "ABC News",
         "politico.com": "Politico", "axios.com": "Axios"}


def run_outlets() -> None:
    from urllib.parse import urlparse

    from extractors.stories import detect_outlet
    base = SHARED / "data" / "articles" / "aeb-web"
    truth = json.loads((base / "ground-truth.json").read_text())
    pages = json.loads((base / "html-text.json").read_text())["output"]
    right = wrong = missed = covered = 0
    for key, page in truth.items():
        host = urlparse(page["url"]).netloc.lower().removeprefix("www.")
        site = next((name for domain, name in SITES.items() if host == domain or host.endswith("." + domain)), None)
        text = pages.get(key, {}).get("articleBody", "")
        got = detect_outlet(Article(key, 1, [Line(n, t) for n, t in enumerate(split_lines(text), 1)]))
        covered += site is not None
        right += site is not None and got == site
        missed += site is not None and got is None
        wrong += got is not None and got != site
    print(f"outlets: {len(truth)} pages, {covered} from listed outlets: right={right} missed={missed}; "
          f"wrong outlet named on {wrong} pages")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", choices=["real", "gold"], default="real")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-streams", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="list missed and extra facts")
    args = parser.parse_args()
    if not SEED.is_dir():
        sys.exit(f"{SEED} not found: put the shared data beside the repository")
    result = run_seed(args.inputs)
    print(f"seed JSONL: {result['jsonl']}")
    if args.verbose:
        for text in result["missed"]:
            print("  missed:", text)
        for text in result["extra"]:
            print("  extra: ", text)
    print("seed.stories P={:.3f} R={:.3f} F1={:.3f}".format(*result["stories"]))
    print("seed.facts P={:.3f} R={:.3f} F1={:.3f}".format(*result["facts"]))
    if not args.skip_streams:
        run_small_streams(args.inputs)
    run_outlets()
    if not args.skip_speed:
        run_speed(args.articles, args.inputs)


if __name__ == "__main__":
    main()
