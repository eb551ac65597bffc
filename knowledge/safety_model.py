"""A small statistical backstop for the worry detector: logistic regression over word and character n-grams.

The lexicon (`knowledge/safety.py`) reads the cues people were seen to use; this scorer generalises to
wording nobody listed ("wishes she could go to sleep and not wake up", misspellings, text-speak). Its
weights are trained at development time on the labelled corpora by `scripts/train_safety_model.py` and
committed as `knowledge/data/safety/model.json`; at run time it is a dictionary look-up per feature, so it
is pure Python, linear in the message length and needs nothing downloaded.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

MODEL_PATH = Path(__file__).resolve().parent / "data" / "safety" / "model.json"
_TOKEN = re.compile(r"[a-z]+|[0-9]+")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; apostrophes dropped and every number read as one token."""
    t = (text or "").lower().replace("\u2019", "").replace("\u2018", "").replace("'", "").replace("&", " and ")
    return ["<n>" if tok.isdigit() else tok for tok in _TOKEN.findall(t)]


def features(text: str) -> set[str]:
    """Word unigrams and bigrams, and character 4-grams of each word (misspellings and word endings)."""
    toks = tokens(text)
    out: set[str] = set()
    for i, tok in enumerate(toks):
        out.add("w:" + tok)
        if i:
            out.add("b:" + toks[i - 1] + " " + tok)
        padded = f"<{tok}>"
        if len(padded) > 4:
            out.update("c:" + padded[j : j + 4] for j in range(len(padded) - 3))
    if toks:
        out.add("s:" + toks[0])  # how the message opens ("what", "how", "who" lean procedural)
    return out


class WorryModel:
    """Committed weights: `bias`, `threshold` and one weight per feature."""

    def __init__(self, bias: float, threshold: float, weights: dict[str, float]) -> None:
        self.bias = bias
        self.threshold = threshold
        self.weights = weights

    def probability(self, text: str) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features(text))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> WorryModel:
        data = ModelFile.model_validate_json(path.read_text(encoding="utf-8"))
        return cls(data.bias, data.threshold, data.weights)


class ModelFile(BaseModel):
    """The validated contents of model.json (written by scripts/train_safety_model.py)."""

    model_config = ConfigDict(extra="forbid")
    bias: float
    threshold: float = Field(gt=0, lt=1)
    weights: dict[str, float] = Field(min_length=1)


@lru_cache(maxsize=2)
def get_model(path: Path = MODEL_PATH) -> WorryModel | None:
    """The committed model, or None when the file is absent (the lexicon then works alone)."""
    return WorryModel.load(path) if path.exists() else None
