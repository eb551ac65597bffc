"""What the two statistical backstops share: word and character n-gram features, a logistic-regression scorer over
feature sets, its validated weights file, and the pure-Python trainer that writes it.

The worry detector (`knowledge/safety_model.py`) and the identifier screen (`bot/privacy/model.py`) each add their
own features and their own rule for when the model may speak; the arithmetic is here once. Training happens at
development time (scripts/train_safety_model.py, scripts/train_privacy_model.py); at run time a score is one
dictionary look-up per feature, so it is linear in the text and needs nothing downloaded.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Self

from pydantic import BaseModel, ConfigDict, Field


def ngram_features(toks: Sequence[str], out: set[str]) -> set[str]:
    """Add word unigrams (`w:`), bigrams (`b:`) and each word's character 4-grams (`c:`, misspellings, endings)."""
    for i, tok in enumerate(toks):
        out.add("w:" + tok)
        if i:
            out.add("b:" + toks[i - 1] + " " + tok)
        padded = f"<{tok}>"
        if len(padded) > 4:
            out.update("c:" + padded[j : j + 4] for j in range(len(padded) - 3))
    return out


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


class LinearModel:
    """Committed weights: `bias`, `threshold` and one weight per feature."""

    def __init__(self, bias: float, threshold: float, weights: dict[str, float]) -> None:
        self.bias = bias
        self.threshold = threshold
        self.weights = weights

    def probability_of(self, feats: Iterable[str]) -> float:
        """The model's probability for one feature set."""
        get = self.weights.get
        return sigmoid(self.bias + sum(get(f, 0.0) for f in feats))

    @classmethod
    def load(cls, path: Path) -> Self:
        """The model in a committed weights file, validated (a malformed file raises)."""
        data = ModelFile.model_validate_json(path.read_text(encoding="utf-8"))
        return cls(data.bias, data.threshold, data.weights)


class ModelFile(BaseModel):
    """The validated contents of a model file (written by `dump`)."""

    model_config = ConfigDict(extra="forbid")
    bias: float
    threshold: float = Field(gt=0, lt=1)
    weights: dict[str, float] = Field(min_length=1)


def train(rows: Sequence[tuple[set[str], int]], epochs: int = 40, lr: float = 0.5, l2: float = 1e-4,
          seed: int = 7) -> tuple[float, dict[str, float]]:
    """L2-regularised logistic regression by AdaGrad, classes balanced; weights rounded and tiny ones dropped."""
    feats = list(rows)
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    b, gb = 0.0, 1e-8
    pos = sum(y for _f, y in feats) or 1
    neg = (len(feats) - pos) or 1
    cw = {1: len(feats) / (2 * pos), 0: len(feats) / (2 * neg)}  # balance the classes
    rnd = random.Random(seed)
    for _ in range(epochs):
        rnd.shuffle(feats)
        for fs, y in feats:
            z = b + sum(w.get(f, 0.0) for f in fs)
            p = sigmoid(z)
            g = (p - y) * cw[y]
            gb += g * g
            b -= lr * g / math.sqrt(gb)
            for f in fs:
                gf = g + l2 * w.get(f, 0.0)
                g2[f] = g2.get(f, 1e-8) + gf * gf
                w[f] = w.get(f, 0.0) - lr * gf / math.sqrt(g2[f])
    return b, {f: round(v, 3) for f, v in w.items() if abs(v) >= 0.005}


def dump(path: Path, bias: float, threshold: float, weights: dict[str, float]) -> None:
    """Write a model file `LinearModel.load` accepts (keys sorted, so a retrain's diff is readable)."""
    data = {"bias": round(bias, 4), "threshold": threshold, "weights": dict(sorted(weights.items()))}
    ModelFile.model_validate(data)
    path.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
