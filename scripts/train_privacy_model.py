#!/usr/bin/env python3
"""Train and measure the identifier screen's learned second opinion (bot/privacy/model.py).

Usage:
    python scripts/train_privacy_model.py --folds    # leave-one-corpus-out table: rules alone, rules OR model
    python scripts/train_privacy_model.py --write    # train on every development corpus, write the weights

Reads only development corpora: tests/privacy/corpus-*.jsonl except the held-out sets (HELD_OUT), which it
refuses to open. --folds: for each blind development corpus (BLIND), the model is trained on every other
development corpus and the threshold chosen on those training corpora alone (inner leave-corpora-out: the lowest
threshold at which rules OR model keeps false positives at or under FP_TARGET on every inner held-out group);
the corpus itself is then screened once. The trainer and n-gram features are the worry detector's
(knowledge/textmodel.py).
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.privacy import find_identifiers as rules_find
from bot.privacy.model import MODEL_CHARS, MODEL_PATH, IdentifierModel, features
from knowledge.textmodel import dump, train
from scripts.labelled import read_cases

CORPORA = Path(__file__).resolve().parents[1] / "tests" / "privacy"
# the lead's: never opened here
HELD_OUT = frozenset({"bh", "bf", "bc", "az", "ay", "p", "m", "j", "k", "t", "v", "w", "y", "aa", "ac", "af",
                      "ah", "aj", "ak", "am", "ao", "aq", "ar", "at", "av"})
NOT_TRAINED = frozenset({"own13b"})  # a probe batch written after the model, to measure it on fresh text
BLIND = ("a", "b", "c", "d", "e", "f", "g", "h", "i", "l", "o", "s", "u")  # written by people who never saw the code
FP_TARGET = 0.02  # inner false-positive ceiling, under the 3% goal to leave room for a fresh corpus
GROUPS = 3  # inner folds over the training corpora
EPOCHS = 20
# thresholds to try, evenly spaced in log-odds from 0.5 up to about 1 - 3e-7 (the model can be very sure)
GRID = [1.0 / (1.0 + math.exp(-0.25 * k)) for k in range(61)]
OFF = 1.0  # no threshold kept the false positives down: the model stays silent
L2 = float(os.environ.get("PRIVACY_MODEL_L2", "1e-4"))  # 1e-3 measured too: 98.0% mean, no better on FP

Row = tuple[str, int, bool]  # text, identifying, the rules flagged it


def development_paths() -> list[Path]:
    """The corpora the model may be trained on: no held-out set, no after-the-fact probe batch."""
    return [path for path in sorted(CORPORA.glob("corpus-*.jsonl"))
            if path.stem.removeprefix("corpus-") not in HELD_OUT | NOT_TRAINED]


def development() -> dict[str, list[Row]]:
    """Every development corpus by its letter(s), each line with what the rules say."""
    out: dict[str, list[Row]] = {}
    for path in development_paths():
        name = path.stem.removeprefix("corpus-")
        out[name] = [(c["text"], int(c["label"] == "identifying"), bool(rules_find(c["text"])))
                     for c in read_cases(str(path))]
    return out


def fit(rows: list[Row]) -> IdentifierModel:
    b, w = train([(features(t), y) for t, y, _r in rows], epochs=EPOCHS, l2=L2)
    return IdentifierModel(b, 0.5, w)


def scores(model: IdentifierModel, rows: list[Row]) -> list[float]:
    """The model's probability per line (0 where the rules already flag it: the model is only a second opinion)."""
    return [0.0 if r else model.probability(t[:MODEL_CHARS]) for t, _y, r in rows]


def tally(rows: list[Row], probs: list[float], threshold: float) -> tuple[int, int, int, int, int, int]:
    """(rules detected, rules false positives, both detected, both false positives, identifying, benign)."""
    pos = sum(y for _t, y, _r in rows)
    neg = len(rows) - pos
    rd = sum(r for _t, y, r in rows if y)
    rf = sum(r for _t, y, r in rows if not y)
    bd = sum(r or p >= threshold for (_t, y, r), p in zip(rows, probs, strict=True) if y)
    bf = sum(r or p >= threshold for (_t, y, r), p in zip(rows, probs, strict=True) if not y)
    return rd, rf, bd, bf, pos, neg


def choose_threshold(corpora: dict[str, list[Row]], blind: list[str]) -> float:
    """The lowest threshold keeping rules-OR-model false positives <= FP_TARGET on every inner held-out corpus,
    each group's model trained on the rest of `corpora` (which never includes the outer test corpus); OFF if none
    does."""
    groups = [blind[k::GROUPS] for k in range(GROUPS)]
    held: list[tuple[list[Row], list[float]]] = []
    for group in groups:
        model = fit([row for name, rows in corpora.items() if name not in group for row in rows])
        for name in group:
            held.append((corpora[name], scores(model, corpora[name])))
    for threshold in GRID:
        if all(tally(rows, probs, threshold)[3] <= FP_TARGET * max(1, tally(rows, probs, threshold)[5])
               for rows, probs in held):
            return threshold
    return OFF


def one_fold(args: tuple[dict[str, list[Row]], str]) -> tuple[str, float, tuple[int, ...]]:
    corpora, test = args
    training = {name: rows for name, rows in corpora.items() if name != test}
    threshold = choose_threshold(training, [b for b in BLIND if b != test])
    model = fit([row for rows in training.values() for row in rows])
    return test, threshold, tally(corpora[test], scores(model, corpora[test]), threshold)


def pct(a: int, n: int) -> str:
    return f"{100 * a / max(1, n):.1f}%"


def folds(corpora: dict[str, list[Row]], workers: int) -> None:
    with Pool(workers) as pool:
        results = pool.map(one_fold, [(corpora, test) for test in BLIND])
    print("| corpus | threshold (training folds) | rules: detected | rules: false positives "
          "| rules OR model: detected | rules OR model: false positives |")
    print("| --- | --- | --- | --- | --- | --- |")
    total = [0] * 6
    for test, threshold, (rd, rf, bd, bf, pos, neg) in results:
        total = [a + b for a, b in zip(total, (rd, rf, bd, bf, pos, neg), strict=True)]
        print(f"| {test} | {threshold:.6f} | {rd}/{pos} = {pct(rd, pos)} | {rf}/{neg} = {pct(rf, neg)} "
              f"| {bd}/{pos} = {pct(bd, pos)} | {bf}/{neg} = {pct(bf, neg)} |")
    rd, rf, bd, bf, pos, neg = total
    print(f"| all | | {rd}/{pos} = {pct(rd, pos)} | {rf}/{neg} = {pct(rf, neg)} "
          f"| {bd}/{pos} = {pct(bd, pos)} | {bf}/{neg} = {pct(bf, neg)} |")
    mean_rules = sum(r[2][0] / r[2][4] for r in results) / len(results)
    mean_both = sum(r[2][2] / r[2][4] for r in results) / len(results)
    worst_fp = max(r[2][3] / r[2][5] for r in results)
    print(f"\nmean detection per corpus: rules {100 * mean_rules:.1f}%, rules OR model {100 * mean_both:.1f}%; "
          f"worst false positives with the model {100 * worst_fp:.1f}%")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", action="store_true")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--out", default=str(MODEL_PATH))
    a = ap.parse_args()
    corpora = development()
    if a.folds:
        folds(corpora, a.workers)
    if a.write:
        threshold = choose_threshold(corpora, list(BLIND))
        if threshold >= OFF:
            print("no threshold keeps false positives down on the training corpora: nothing written")
            return 1
        model = fit([row for rows in corpora.values() for row in rows])
        dump(Path(a.out), model.bias, threshold, model.weights)
        print(f"wrote {a.out}: {len(model.weights)} weights, threshold {threshold:.6f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
