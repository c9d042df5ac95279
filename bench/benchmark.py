"""Throughput, scaling and start-up benchmark for every subcommand.

Builds a corpus of pasted-article streams from the BBC articles in ../shared/data/articles
(into a temporary folder, never into the repo), runs `copydesk CMD` over it at 1 and 2 jobs,
and prints MB/s, words/s and peak memory (largest resident set of copydesk and its workers).
With --scale 10 it also builds a corpus ten times larger and prints the time ratio.

    python bench/benchmark.py --mb 50                 # all subcommands, 1 and 2 jobs
    python bench/benchmark.py --mb 5 --scale 10 --commands split entities
    python bench/benchmark.py --adversarial-only --commands figures claims
"""
from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BBC = REPO.parent / "shared" / "data" / "articles" / "bbc"
COPYDESK = [sys.executable, "-m", "cli"]
COMMANDS = ["split", "entities", "claims", "figures", "medals", "stories"]

ADVERSARIAL = {
    "1 MB of capitalised words": lambda: " ".join(["Alpha", "Beta", "Gamma", "Delta-Epsilon", "Mr", "Of"] * 28000),
    "10^4 unbalanced quote marks": lambda: " ".join('"word' if i % 3 else "“open" for i in range(10000)),
    "10^5 digits with commas": lambda: ",".join(["123"] * 100000),
    "5 MB single line": lambda: ("The minister said that " + "Afghan forces captured 14 towns, " * 4) * 40000,
    # a whole stream pasted as one paragraph: short sentences, each attributed, with a counted figure
    "5x10^4 sentences on a line": lambda: "".join(f"Officials said {i % 50 + 2} bodies were found in Kunduz. "
                                                  for i in range(50000)),
}


def bbc_articles() -> list[list[str]]:
    """Each BBC article as its paragraphs (title first), from the category folders."""
    articles = []
    for path in sorted(BBC.glob("*/*.txt")):
        text = path.read_text(encoding="latin-1")
        paras = [p.strip() for p in text.split("\n") if p.strip()]
        if len(paras) > 2:
            articles.append(paras)
    if not articles:
        sys.exit(f"no BBC articles under {BBC}")
    return articles


def build_corpus(folder: Path, megabytes: float, articles: list[list[str]], seed: int = 7) -> tuple[int, int]:
    """Streams of 3-8 pasted articles, one file each, until the corpus reaches the size."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    target = int(megabytes * 1_000_000)
    size = words = n = 0
    while size < target:
        stream = "\n".join("\n".join(a) for a in rng.sample(articles, rng.randint(3, 8))) + "\n"
        data = stream.encode("utf-8")
        (folder / f"stream{n:06d}.txt").write_bytes(data)
        size += len(data)
        words += len(stream.split())
        n += 1
    return size, words


def timed(args: list[str], stdin=None) -> tuple[float, int, int]:
    """(seconds, exit status, peak RSS in MB of the command and its children), measured from
    a fresh helper process so that earlier runs do not count."""
    probe = (
        "import resource, subprocess, sys, time, json\n"
        f"t = time.perf_counter(); p = subprocess.run({args!r}, stdout=subprocess.DEVNULL)\n"
        "print(json.dumps([time.perf_counter() - t, p.returncode,"
        " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, stdin=stdin)
    seconds, status, rss_kb = json.loads(out.stdout)
    return seconds, status, rss_kb // 1024


def throughput(commands: list[str], corpus: Path, size: int, words: int, jobs: list[int]) -> dict:
    results = {}
    for command in commands:
        for j in jobs:
            seconds, status, rss = timed(COPYDESK + [command, str(corpus), "-f", "jsonl", "-j", str(j)])
            results[(command, j)] = seconds
            print(f"{command:9} jobs={j}  {size / 1e6 / seconds:6.2f} MB/s  "
                  f"{words / seconds / 1e3:8.0f}k words/s  {seconds:7.1f} s  peak {rss} MB"
                  + ("" if status == 0 else f"  (exit {status})"), flush=True)
    return results


def startup() -> None:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        fh.write("The council met on Monday.\nIt approved the budget, officials said.\n")
    for label, args in (("--version", ["--version"]), ("split small file", ["split", fh.name])):
        best = min(timed(COPYDESK + args)[0] for _ in range(5))
        print(f"start-up {label:17} {best:.3f} s (best of 5)")
    Path(fh.name).unlink()


def adversarial(commands: list[str]) -> None:
    """Each subcommand on each adversarial input, in this process and with the collector
    tuned as the CLI tunes it, so that the times are those of a `copydesk` run."""
    from cli.main import GC_THRESHOLDS
    from extractors.batch import process_text

    gc.set_threshold(*GC_THRESHOLDS)
    for label, make in ADVERSARIAL.items():
        text = make()
        for command in commands:
            t = time.process_time()  # CPU time: other runs on a shared machine do not count
            process_text(text, command, "adversarial")
            print(f"adversarial {label:28} {command:9} {time.process_time() - t:6.2f} s cpu", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=50, help="corpus size in MB (default 50)")
    ap.add_argument("--scale", type=int, default=0, help="also run a corpus this many times larger")
    ap.add_argument("--commands", nargs="+", default=COMMANDS, choices=COMMANDS)
    ap.add_argument("--jobs", nargs="+", type=int, default=[1, 2])
    ap.add_argument("--skip-adversarial", action="store_true")
    ap.add_argument("--adversarial-only", action="store_true",
                    help="only time the adversarial inputs (no corpus, no CLI runs)")
    args = ap.parse_args()

    sys.path.insert(0, str(REPO))
    if args.adversarial_only:
        adversarial(args.commands)
        return
    startup()
    articles = bbc_articles()
    with tempfile.TemporaryDirectory(prefix="copydesk-bench-") as tmp:
        corpus = Path(tmp) / "x1"
        size, words = build_corpus(corpus, args.mb, articles)
        print(f"corpus: {size / 1e6:.1f} MB, {words:,} words, {len(list(corpus.iterdir()))} files")
        base = throughput(args.commands, corpus, size, words, args.jobs)
        if args.scale > 1:
            big = Path(tmp) / f"x{args.scale}"
            big_size, big_words = build_corpus(big, args.mb * args.scale, articles, seed=11)
            print(f"corpus x{args.scale}: {big_size / 1e6:.1f} MB")
            scaled = throughput(args.commands, big, big_size, big_words, args.jobs[:1])
            for (command, j), seconds in scaled.items():
                ratio = seconds / base[(command, j)]
                print(f"{command:9} time ratio x{args.scale}/x1 = {ratio:.2f} "
                      f"(size ratio {big_size / size:.2f})")
    if not args.skip_adversarial:
        adversarial(args.commands)


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    main()
