#!/usr/bin/env python3
"""Train the worry detector's statistical backstop (knowledge/safety_model.py) on labelled corpora.

Usage:
    python scripts/train_safety_model.py [--out knowledge/data/safety/model.json] [--folds K] CORPUS.jsonl ...
    python scripts/train_safety_model.py --test HELDOUT.jsonl CORPUS.jsonl ...   # train, then measure

Pure Python (no numpy): L2-regularised logistic regression by AdaGrad (`knowledge.textmodel.train`, shared with
scripts/train_privacy_model.py) over the features of `knowledge.safety_model.features`. --folds K prints K-fold
cross-validated recall and false alarms for the lexicon alone and for lexicon OR model, so a retrain shows whether
the model still earns its place.
Writes the weights (rounded, tiny ones dropped) unless --folds or --test is given. Retrain whenever a
labelled corpus grows; never train on a held-out set.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from knowledge.safety import get_detector
from knowledge.safety_model import MODEL_PATH, WorryModel, features
from knowledge.textmodel import dump
from knowledge.textmodel import train as fit


def load(paths: list[str]) -> list[tuple[str, int]]:
    rows = []
    for p in paths:
        for line in Path(p).read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                rows.append((d["text"], 1 if d["label"] == "worry" else 0))
    return rows


def train(rows: list[tuple[str, int]]) -> tuple[float, dict[str, float]]:
    """The shared trainer over this model's features."""
    return fit([(features(t), y) for t, y in rows])


def measure(model: WorryModel, rows: list[tuple[str, int]]) -> dict[str, tuple[int, int]]:
    det = get_detector()
    out = {"lexicon": [0, 0, 0, 0], "lexicon+model": [0, 0, 0, 0]}
    for text, y in rows:
        lex = det.detect(text, use_model=False)
        both = lex.is_worry or det.model_says_worry(text, lex, model)
        for name, alarm in (("lexicon", lex.is_worry), ("lexicon+model", both)):
            c = out[name]
            if y:
                c[0] += alarm
                c[1] += 1
            else:
                c[2] += alarm
                c[3] += 1
    return {k: ((v[0], v[1]), (v[2], v[3])) for k, v in out.items()}


def report(title: str, figures: dict) -> None:
    for name, ((r, rn), (fa, fn)) in figures.items():
        print(f"{title:24} {name:14} recall {r}/{rn} = {100 * r / max(rn, 1):.1f}%  "
              f"false alarms {fa}/{fn} = {100 * fa / max(fn, 1):.1f}%")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpora", nargs="+")
    ap.add_argument("--out", default=str(MODEL_PATH))
    ap.add_argument("--folds", type=int, default=0)
    ap.add_argument("--test", action="append", default=[])
    ap.add_argument("--threshold", type=float, default=0.5)
    a = ap.parse_args()
    rows = load(a.corpora)
    if a.folds:
        rnd = random.Random(11)
        rnd.shuffle(rows)
        total: dict[str, list[int]] = {}
        for k in range(a.folds):
            test = rows[k :: a.folds]
            tr = [r for i, r in enumerate(rows) if i % a.folds != k]
            b, w = train(tr)
            for name, ((r, rn), (fa, fn)) in measure(WorryModel(b, a.threshold, w), test).items():
                t = total.setdefault(name, [0, 0, 0, 0])
                for i, v in enumerate((r, rn, fa, fn)):
                    t[i] += v
        report(f"{a.folds}-fold", {k: ((v[0], v[1]), (v[2], v[3])) for k, v in total.items()})
    b, w = train(rows)
    model = WorryModel(b, a.threshold, w)
    for t in a.test:
        report(Path(t).name, measure(model, load([t])))
    if not a.folds and not a.test:
        dump(Path(a.out), b, a.threshold, w)
        print(f"wrote {a.out}: {len(w)} weights from {len(rows)} lines")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
