"""Fit the boundary model of `copydesk split` and write extractors/data/split_model.txt.

Training streams are built with the shared stream generator (../shared/eval/seg) from the
TRAIN half of the BBC articles and web pages only; the half is chosen by a hash of the
article id (see `is_dev`), so `bench/eval_split.py` can score on articles never trained on.
The model is a logistic regression over the binary features of `extractors.articles`,
fitted by plain gradient descent with L2: deterministic, no dependency, a few kilobytes.
The lede lexicon it reads is cross-fitted over two folds of the training articles and
finally refitted on all of them for use at run time.

usage: python bench/train_split.py [--streams N] [--shared ../shared]
"""
from __future__ import annotations

import argparse
import hashlib
import math
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import extractors.articles as articles  # noqa: E402
from extractors.articles import is_peak, lede_tokens, paragraph_words, training_examples  # noqa: E402
from extractors.text import sentence_spans  # noqa: E402

MODEL_PATH = REPO / "extractors" / "data" / "split_model.txt"
LEDE_PATH = REPO / "extractors" / "data" / "split_lede_words.txt"


def is_dev(article_id: str) -> bool:
    """30% of articles, chosen by hash, are held out for evaluation."""
    return hashlib.sha1(article_id.encode()).digest()[0] % 10 < 3


def for_lexicon(article_id: str) -> bool:
    """The two folds of the training articles for cross-fitting: the lexicon fitted on one
    fold scores the training streams of the other, so the model learns how far to trust
    lexicon scores on text the lexicon never saw, and every training article serves both."""
    return hashlib.sha1(article_id.encode()).digest()[1] % 2 == 0


def fit_lede_lexicon(bbc: list[dict], min_docs: int = 20, min_count: int = 5) -> dict[str, float]:
    """Naive Bayes log-odds of lede tokens: each article's first paragraph (and first
    sentence) against its other paragraphs (and sentences)."""
    docs = Counter()
    for a in bbc:
        docs.update({w.lower() for t, _ in a["lines"] for w in paragraph_words(t)})
    vocabulary = frozenset(w for w, c in docs.items() if c >= min_docs)
    seen, in_ledes = Counter(), Counter()
    n_ledes = n_others = 0
    for a in bbc:
        body = [t for t, k in a["lines"] if k == "body"]
        for paragraphs in (body, [p[x:y] for p in body for x, y in sentence_spans(p)]):
            for i, text in enumerate(paragraphs):
                tokens = lede_tokens(paragraph_words(text), vocabulary)
                seen.update(tokens)
                if i == 0:
                    in_ledes.update(tokens)
                    n_ledes += 1
                else:
                    n_others += 1
    weights = {w: 0.0 for w in vocabulary}
    for token, count in seen.items():
        if count >= min_count:
            p = (in_ledes[token] + 1) / (n_ledes + 2)
            q = (count - in_ledes[token] + 1) / (n_others + 2)
            weights[token] = math.log(p / q)
    return weights


def write_lexicon(lexicon: dict[str, float]) -> None:
    LEDE_PATH.write_text("# Lede lexicon of extractors/articles.py: token<TAB>log-odds. Written by\n"
                         "# bench/train_split.py; do not edit by hand.\n"
                         + "".join(f"{t}\t{w:.3f}\n" for t, w in sorted(lexicon.items())), encoding="utf-8")
    articles.data_lines.cache_clear()
    articles._lede_weights.cache_clear()


def load_generator(shared: Path):
    sys.path.insert(0, str(shared / "eval" / "seg"))
    import make_streams
    return make_streams


def curly_quotes(text: str) -> str:
    """Typographic quotes, as some outlets print them."""
    out, open_double = [], True
    for i, ch in enumerate(text):
        if ch == '"':
            out.append("“" if open_double else "”")
            open_double = not open_double
        elif ch == "'":
            out.append("‘" if (i == 0 or text[i - 1] in " (") else "’")
        else:
            out.append(ch)
    return "".join(out)


def restyle(article: dict, rng: random.Random, one_sentence: bool) -> dict:
    """The same article in another house style, so that the model does not learn one
    outlet's habits: one sentence per paragraph (tabloid and wire style) and/or curly quotes."""
    curly = rng.random() < 0.3
    if not (one_sentence or curly):
        return article
    lines = []
    for text, kind in article["lines"]:
        parts = [text[a:b] for a, b in sentence_spans(text)] if one_sentence and kind == "body" else [text]
        lines.extend((curly_quotes(p) if curly else p, kind) for p in parts if p.strip())
    return dict(article, lines=lines)


# Web articles pasted as their paragraphs only, with no headline and no page furniture: the
# generator's web variants always keep some furniture, whose cues a stream of bare article
# text lacks.
BODY_ONLY = "web-bodyonly"


def build_streams(gen, bbc, web, n_streams: int, seed: int):
    """(lines, gold article starts) for every generator variant, from the given articles."""
    index = gen.TfIdfIndex(bbc)
    pool = gen.BRIEF_DEBRIS + sorted({t for page in web for t in page["trailing"]})
    for variant in gen.ALL_VARIANTS + [BODY_ONLY]:
        parts = variant.split("-")
        kind = parts[1] if parts[0] == "bbc" else "web"
        for s in range(n_streams):
            rng = random.Random(f"train:{seed}:{variant}:{s}")
            arts = gen.pick_articles(kind, rng, bbc, index, web, rng.randint(3, 8))
            if kind != "web":
                # One house style for the whole stream, or (as when outlets are mixed) one per article.
                one_sentence = rng.random() < 0.3
                mixed = rng.random() < 0.5
                arts = [restyle(a, rng, rng.random() < 0.3 if mixed else one_sentence) for a in arts]
            lines, starts = [], set()
            if variant == BODY_ONLY:
                arts = [{"lines": [(t, k) for t, k in a["lines"] if k == "body"]} for a in arts]
            for a in arts:
                starts.add(len(lines) + 1)
                lines.extend(gen.article_lines(a, "nohead" not in parts, rng,
                                               pool if "debris" in parts else None, 0.25))
            yield variant, [gen._clean(t) for t, _ in lines], starts


def fit(examples, epochs: int = 40, rate: float = 0.5, l2: float = 1e-3) -> dict[str, float]:
    """Batch gradient descent on the log loss; positives are rare, so they are weighted up."""
    positives = sum(y for _, y in examples)
    weight_pos = (len(examples) - positives) / max(1, positives)
    weight_pos = math.sqrt(weight_pos)
    w: dict[str, float] = defaultdict(float)
    g2: dict[str, float] = defaultdict(float)
    for _ in range(epochs):
        grad: dict[str, float] = defaultdict(float)
        for feats, y in examples:
            z = sum(w[f] for f in feats)
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            err = (p - y) * (weight_pos if y else 1.0)
            for f in feats:
                grad[f] += err
        for f, g in grad.items():
            g = g / len(examples) + l2 * w[f]
            g2[f] += g * g
            w[f] -= rate * g / (math.sqrt(g2[f]) + 1e-8)
    return dict(w)


def best_threshold(streams, w) -> tuple[float, float]:
    """The threshold that maximises boundary F1 when decoding as the splitter does (local
    maxima of the opening probability, see `is_peak`), averaged over stream variants so
    that the variants with the most lines (web pages) do not set it alone."""
    by_variant = defaultdict(list)
    for variant, examples in streams:
        probs = [0.0 if f is None else 1 / (1 + math.exp(-max(-30, min(30, sum(w.get(x, 0) for x in f)))))
                 for f, _ in examples]
        by_variant[variant].append((probs, [y for _, y in examples]))
    best, best_f1 = 0.5, -1.0
    for step in range(10, 99):
        threshold = step / 100
        scores = []
        for sequences in by_variant.values():
            tp = n_pred = total = 0
            for probs, ys in sequences:
                padded = [1.0] + probs + [0.0]
                total += sum(ys)
                for i, y in enumerate(ys, 1):
                    if is_peak(padded[i - 1], padded[i], padded[i + 1], threshold):
                        n_pred += 1
                        tp += y
            scores.append(2 * tp / (n_pred + total) if n_pred + total else 0.0)
        f1 = sum(scores) / len(scores)
        if f1 > best_f1:
            best, best_f1 = threshold, f1
    return best, best_f1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    ap.add_argument("--streams", type=int, default=200, help="training streams per variant")
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--web-weight", type=float, default=1.0, help="share of web-page streams kept")
    ap.add_argument("--body-weight", type=float, default=1.0,
                    help=f"share of {BODY_ONLY} streams kept (of those the web weight keeps)")
    args = ap.parse_args()
    shared = Path(args.shared)
    gen = load_generator(shared)
    data = shared / "data" / "articles"
    train_bbc = [a for a in gen.load_bbc(data / "bbc") if not is_dev(a["id"])]
    web, _ = gen.load_web(data / "aeb-web")
    web = [p for p in web if not is_dev(p["id"])]
    folds = [[a for a in train_bbc if for_lexicon(a["id"]) == first] for first in (True, False)]
    streams = []
    for fold, (lexicon_half, model_half) in enumerate((folds, folds[::-1])):
        # Cross-fitting: the lexicon that scores a fold's training streams never saw its articles.
        write_lexicon(fit_lede_lexicon(lexicon_half))
        keep = random.Random(f"web-share:{fold}")
        streams += [(variant, list(training_examples(lines, starts)))
                    for variant, lines, starts in build_streams(gen, model_half, web, args.streams, seed=1 + fold)
                    if not variant.startswith("web") or keep.random() < args.web_weight
                    * (args.body_weight if variant == BODY_ONLY else 1.0)]
    write_lexicon(fit_lede_lexicon(train_bbc))
    examples = [(f, y) for _, stream in streams for f, y in stream if f is not None]
    print(f"{len(train_bbc)} BBC articles, {len(web)} web pages, {len(examples)} examples, "
          f"{sum(y for _, y in examples)} article openings", file=sys.stderr)
    w = fit(examples, epochs=args.epochs)
    threshold, f1 = best_threshold(streams, w)
    print(f"threshold {threshold:.3f}, training boundary F1 (mean over variants) {f1:.3f}", file=sys.stderr)
    rows = ["# Boundary model of extractors/articles.py: feature<TAB>weight (log-odds).",
            "# Written by bench/train_split.py; do not edit by hand.",
            f"@threshold\t{threshold:.4f}"]
    rows += [f"{f}\t{v:.4f}" for f, v in sorted(w.items()) if abs(v) >= 1e-4]
    MODEL_PATH.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH.relative_to(REPO)} ({len(rows) - 3} weights)", file=sys.stderr)


if __name__ == "__main__":
    main()
