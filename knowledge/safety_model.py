"""A small statistical backstop for the worry detector: logistic regression over word and character n-grams.

The lexicon (`knowledge/safety.py`) reads the cues people were seen to use; this scorer generalises to
wording nobody listed ("wishes she could go to sleep and not wake up", misspellings, text-speak). Its
weights are trained at development time on the labelled corpora by `scripts/train_safety_model.py` and
committed as `knowledge/data/safety/model.json`; at run time it is a dictionary look-up per feature, so it
is pure Python, linear in the message length and needs nothing downloaded. The features, scorer and trainer are
shared with the identifier screen's backstop (`knowledge/textmodel.py`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from knowledge.textmodel import LinearModel, ModelFile, ngram_features

__all__ = ["MODEL_PATH", "ModelFile", "WorryModel", "features", "get_model", "tokens"]

MODEL_PATH = Path(__file__).resolve().parent / "data" / "safety" / "model.json"
_TOKEN = re.compile(r"[a-z]+|[0-9]+")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; apostrophes dropped and every number read as one token."""
    t = (text or "").lower().replace("\u2019", "").replace("\u2018", "").replace("'", "").replace("&", " and ")
    return ["<n>" if tok.isdigit() else tok for tok in _TOKEN.findall(t)]


def features(text: str) -> set[str]:
    """Word unigrams and bigrams, and character 4-grams of each word (misspellings and word endings)."""
    toks = tokens(text)
    out = ngram_features(toks, set())
    if toks:
        out.add("s:" + toks[0])  # how the message opens ("what", "how", "who" lean procedural)
    return out


class WorryModel(LinearModel):
    """The worry model: a `LinearModel` over `features`."""

    def probability(self, text: str) -> float:
        return self.probability_of(features(text))


@lru_cache(maxsize=2)
def get_model(path: Path = MODEL_PATH) -> WorryModel | None:
    """The committed model, or None when the file is absent (the lexicon then works alone)."""
    return WorryModel.load(path) if path.exists() else None
