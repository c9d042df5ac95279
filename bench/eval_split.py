"""Score `copydesk split` (through extractors.articles) with the shared scorer.

1. the seed stream against ../shared/gold/seed (score_split.py, last lines printed);
2. every variant of ../shared/eval/seg/make_streams.py, generated into a temp folder, scored
   per stream with score_split.py against a stream gold built from the generator's metadata
   (debris_lines = lines the generator marks as debris; headlines are content), and
   `web-bodyonly`, the web-nohead streams without their furniture lines.  With
   --dev-only the generator reads only the held-out (dev) half of the articles, the half
   bench/train_split.py never trains on;
3. speed: MB/s of iter_articles on a ~50 MB stream made by concatenating generated streams.

With --one-sentence the BBC streams are scored a second time with every sentence of a body
paragraph on its own line, as wire and tabloid copy is printed.

usage: python bench/eval_split.py [--n-streams 100] [--dev-only] [--speed-mb 50] [--keep DIR]
                                  [--one-sentence] [--show-errors N]
"""
from __future__ import annotations

import argparse
import dataclasses
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from contextlib import redirect_stdout
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from extractors.articles import iter_articles, split_stream, to_record  # noqa: E402
from extractors.text import sentence_spans, split_lines  # noqa: E402
from train_split import is_dev  # noqa: E402


def write_jsonl(path: Path, lines: list[str], source: str) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for article in split_stream(lines, source):
            fh.write(json.dumps(dataclasses.asdict(to_record(article)), ensure_ascii=False) + "\n")


def run_scorer(scorer: Path, pred: Path, gold: Path, json_mode: bool = False) -> str:
    cmd = [sys.executable, str(scorer), str(pred), str(gold)] + (["--json"] if json_mode else [])
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def dev_data(shared: Path, out: Path) -> Path:
    """A --data folder for the generator holding only dev articles (links and filtered JSON)."""
    src = shared / "data" / "articles"
    for path in sorted((src / "bbc").glob("*/*.txt")):
        if is_dev(f"bbc/{path.parent.name}/{path.name}"):
            target = out / "bbc" / path.parent.name / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            os.symlink(path.resolve(), target)
    web = out / "aeb-web"
    web.mkdir(parents=True)
    truth = json.loads((src / "aeb-web" / "ground-truth.json").read_text(encoding="utf-8"))
    html = json.loads((src / "aeb-web" / "html-text.json").read_text(encoding="utf-8"))
    keep = {pid for pid in truth if is_dev(f"aeb/{pid[:12]}")}
    (web / "ground-truth.json").write_text(json.dumps({k: v for k, v in truth.items() if k in keep}))
    html["output"] = {k: v for k, v in html["output"].items() if k in keep}
    (web / "html-text.json").write_text(json.dumps(html))
    return out


def show_errors(lines: list[str], res: dict, name: str) -> None:
    """The missed and extra boundaries of one stream with the line they fall on."""
    for tag, found in (("missed", res["missed_boundaries"]), ("extra", res["extra_boundaries"])):
        for number in found:
            print(f"    {name}:{number} {tag:6} {lines[number - 1][:100]}")


def one_sentence_paragraphs(lines: list[str], meta: dict) -> tuple[list[str], dict]:
    """The stream as wire and tabloid outlets print it, every sentence of a body paragraph on
    its own line, with the generator's metadata renumbered to match."""
    out, kinds, new_number = [], [], {}
    for number, (text, kind) in enumerate(zip(lines, meta["kinds"]), 1):
        new_number[number] = len(out) + 1
        parts = [text[a:b] for a, b in sentence_spans(text)] if kind == "body" else [text]
        parts = [p for p in parts if p.strip()] or [text]
        out.extend(parts)
        kinds.extend([kind] * len(parts))
    new_number[len(lines) + 1] = len(out) + 1
    articles = [dict(a, first_line=new_number[a["first_line"]], last_line=new_number[a["last_line"] + 1] - 1)
                for a in meta["articles"]]
    return out, dict(meta, n_lines=len(out), kinds=kinds, articles=articles)


def body_only_streams(streams: Path) -> None:
    """A `web-bodyonly` variant from the `web-nohead` streams: every page's article text
    without its furniture, as a stream of pasted article bodies reads (no headline, no
    byline, nothing dropped), with the metadata renumbered to match."""
    out = streams / "web-bodyonly"
    out.mkdir(exist_ok=True)
    for meta_path in sorted((streams / "web-nohead").glob("[0-9][0-9][0-9].json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        lines = split_lines((meta_path.parent / f"{meta_path.stem}.txt").read_text(encoding="utf-8"))
        kept = [n for n, kind in enumerate(meta["kinds"], 1) if kind != "debris"]
        new_number = {n: i for i, n in enumerate(kept, 1)}
        articles = []
        for a in meta["articles"]:
            numbers = [new_number[n] for n in range(a["first_line"], a["last_line"] + 1) if n in new_number]
            if numbers:
                articles.append(dict(a, first_line=numbers[0], last_line=numbers[-1]))
        (out / f"{meta_path.stem}.txt").write_text("\n".join(lines[n - 1] for n in kept) + "\n", encoding="utf-8")
        (out / meta_path.name).write_text(json.dumps(dict(meta, n_lines=len(kept), kinds=["body"] * len(kept),
                                                         articles=articles)), encoding="utf-8")


def score_streams(shared: Path, streams: Path, errors_per_variant: int = 0, one_sentence: bool = False) -> None:
    sys.path.insert(0, str(shared / "eval"))
    import score_split
    from evalcommon import load_gold

    if not one_sentence:
        print(f"{'variant':44} {'streams':>7} {'Pk':>6} {'WD':>6} {'bP':>6} {'bR':>6} {'bF1':>6}")
    for variant in sorted(p.name for p in streams.iterdir() if p.is_dir()):
        if one_sentence and not variant.startswith("bbc"):
            continue  # web pages come as their outlets printed them
        vdir = streams / variant
        pks, wds, tp, n_pred, n_gold = [], [], 0, 0, 0
        for meta_path in sorted(vdir.glob("[0-9][0-9][0-9].json")):
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            lines = split_lines((vdir / f"{meta_path.stem}.txt").read_text(encoding="utf-8"))
            if one_sentence:
                lines, meta = one_sentence_paragraphs(lines, meta)
            gold_path = vdir / f"{meta_path.stem}.gold{'-1s' if one_sentence else ''}.json"
            gold_path.write_text(json.dumps({
                "n_lines": meta["n_lines"], "articles": meta["articles"],
                "debris_lines": [i for i, k in enumerate(meta["kinds"], 1) if k == "debris"]}))
            recs = [dataclasses.asdict(to_record(a)) for a in split_stream(lines, meta_path.stem)]
            with redirect_stdout(io.StringIO()):
                res = score_split.score(recs, load_gold(str(gold_path)))
            if int(meta_path.stem) < errors_per_variant:
                show_errors(lines, res, f"{variant}/{meta_path.stem}")
            pks.append(res["pk"])
            wds.append(res["windowdiff"])
            b = res["boundary"]
            tp, n_pred, n_gold = tp + b["tp"], n_pred + b["n_pred"], n_gold + b["n_gold"]
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        name = f"{variant}{' (1 sentence/line)' if one_sentence else ''}"
        print(f"{name:44} {len(pks):7d} {sum(pks) / len(pks):6.3f} {sum(wds) / len(wds):6.3f} "
              f"{p:6.3f} {r:6.3f} {f1:6.3f}")


def speed(streams: Path, megabytes: float) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(streams.glob("*/[0-9][0-9][0-9].txt"))]
    target = int(megabytes * 1e6)
    parts, size = [], 0
    while size < target:
        for t in texts:
            parts.append(t)
            size += len(t.encode("utf-8"))
            if size >= target:
                break
    lines = split_lines("".join(parts))
    start = time.perf_counter()
    articles = sum(1 for _ in iter_articles(iter(lines), "bench"))
    seconds = time.perf_counter() - start
    print(f"speed: {size / 1e6:.1f} MB, {len(lines)} lines, {articles} articles in {seconds:.1f} s "
          f"= {size / 1e6 / seconds:.2f} MB/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    ap.add_argument("--n-streams", type=int, default=100)
    ap.add_argument("--dev-only", action="store_true", help="generate streams from held-out articles only")
    ap.add_argument("--speed-mb", type=float, default=50.0, help="0 skips the speed run")
    ap.add_argument("--keep", help="reuse/keep generated streams in this folder")
    ap.add_argument("--one-sentence", action="store_true",
                    help="also score the BBC streams with every sentence on its own line")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N",
                    help="list missed/extra boundaries of the first N streams of each variant")
    args = ap.parse_args()
    shared = Path(args.shared)
    scorer = shared / "eval" / "score_split.py"
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        seed_text = next((shared / "gold" / "seed").glob("*.txt"))
        pred = tmp_path / "seed.jsonl"
        write_jsonl(pred, split_lines(seed_text.read_text(encoding="utf-8")), str(seed_text.name))
        print("== seed stream ==")
        print("\n".join(run_scorer(scorer, pred, shared / "gold" / "seed").splitlines()[-4:]))
        streams = Path(args.keep) if args.keep else tmp_path / "streams"
        if not (streams / "summary.json").exists():
            cmd = [sys.executable, str(shared / "eval" / "seg" / "make_streams.py"), "--out", str(streams),
                   "--n-streams", str(args.n_streams)]
            if args.dev_only:
                cmd += ["--data", str(dev_data(shared, tmp_path / "dev-data"))]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            body_only_streams(streams)
        print(f"== generated streams ({'dev articles only' if args.dev_only else 'all articles'}) ==")
        score_streams(shared, streams, args.show_errors)
        if args.one_sentence:
            score_streams(shared, streams, args.show_errors, one_sentence=True)
        if args.speed_mb:
            speed(streams, args.speed_mb)


if __name__ == "__main__":
    main()
