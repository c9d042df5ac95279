"""Score `extract_medals` with the shared scorer: on the seed stream and on the hand-made
articles of other shapes in tests/medals_cases/ (each NAME.txt beside NAME.gold.json).
Also checks the figures layer under it against the seed's numeric entity gold (MONEY,
PERCENT, QUANTITY, CARDINAL): how many gold spans a figure matches exactly or overlaps.

usage: python bench/eval_medals.py [--shared ../shared]
Prints the scorer's last lines for each input.  Records go to a temporary directory as the
contract JSONL (dataclasses.asdict in field order), exactly what `copydesk medals -f jsonl` writes.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from extractors.articles import split_stream  # noqa: E402
from extractors.figures import extract_figures  # noqa: E402
from extractors.medals import extract_medals  # noqa: E402
from extractors.text import split_lines  # noqa: E402


def run(text_path: Path, gold: Path, scorer: Path, out_dir: Path, lines: int) -> None:
    text = text_path.read_text(encoding="utf-8")
    rows = extract_medals(split_stream(split_lines(text), str(text_path)))
    pred = out_dir / (text_path.stem + ".jsonl")
    pred.write_text("".join(json.dumps(dataclasses.asdict(r)) + "\n" for r in rows), encoding="utf-8")
    res = subprocess.run([sys.executable, str(scorer), str(pred), str(gold)], capture_output=True, text=True)
    print(f"== {text_path.name}")
    print("\n".join(res.stdout.rstrip().splitlines()[-lines:]))


def figures_against_entities(seed: Path) -> None:
    """Numeric entity spans of the seed gold that figures finds (durations such as "five years"
    are DATE there, so figures reports more spans than the gold has)."""
    text = (seed / "000_5c0c75460a2caaf8.txt").read_text(encoding="utf-8")
    figures = extract_figures(split_stream(split_lines(text), "seed"))
    gold = [e for name in ("entities.json", "entities_extra.json")
            for e in json.loads((seed / name).read_text(encoding="utf-8"))
            if e["type"] in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")]
    spans = {(f.line, f.start, f.end) for f in figures}
    exact = sum((e["line"], e["start"], e["end"]) in spans for e in gold)
    overlap = sum(any(f.line == e["line"] and f.start < e["end"] and e["start"] < f.end for f in figures)
                  for e in gold)
    money = [e for e in gold if e["type"] == "MONEY"]
    money_exact = sum((e["line"], e["start"], e["end"]) in spans for e in money)
    print(f"== figures on the seed: {len(figures)} figures; gold numeric spans {len(gold)}: "
          f"exact {exact / len(gold):.3f}, overlapped {overlap / len(gold):.3f}; "
          f"MONEY exact {money_exact}/{len(money)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(REPO.parent / "shared"), help="the shared eval/gold folder")
    ap.add_argument("--lines", type=int, default=4, help="scorer lines to print per input")
    a = ap.parse_args()
    shared = Path(a.shared)
    scorer = shared / "eval" / "score_medals.py"
    if not scorer.is_file():
        sys.exit(f"no scorer at {scorer}")
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = Path(tmp)
        seed = shared / "gold" / "seed"
        figures_against_entities(seed)
        run(seed / "000_5c0c75460a2caaf8.txt", seed, scorer, out_dir, a.lines)
        for text_path in sorted((REPO / "tests" / "medals_cases").glob("*.txt")):
            run(text_path, text_path.with_suffix(".gold.json"), scorer, out_dir, a.lines)


if __name__ == "__main__":
    main()
