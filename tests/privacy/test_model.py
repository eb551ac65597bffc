"""The identifier screen's learned second opinion (bot/privacy/model.py), measured but not adopted (docs/reliability.md,
Identifier screen): no weights are committed, so the screen is the rules alone; what is tested is what the
measurement rests on. Stretches keep offsets and sentence starts, a model file is validated, the model reads a bounded
prefix, and the training script never reads a held-out corpus or the after-the-fact probe batch."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.privacy import find_identifiers
from bot.privacy.model import MODEL_CHARS, IdentifierModel, features, get_model, stretches
from knowledge.textmodel import dump, train


def test_no_model_is_committed_so_the_rules_screen_alone() -> None:
    assert get_model() is None
    assert find_identifiers("the only way to make a referral is through the front door") == []


def test_a_model_file_is_validated(tmp_path: Path) -> None:
    bad = tmp_path / "model.json"
    bad.write_text('{"bias": 0, "threshold": 1.5, "weights": {"w:the": 0.1}}', encoding="utf-8")
    with pytest.raises(ValidationError, match="threshold"):
        IdentifierModel.load(bad)


def test_a_trained_model_round_trips_and_reads_a_bounded_prefix(tmp_path: Path) -> None:
    rows = [("the only girl at the village school who speaks Tigre", 1), ("the Nowak kids moved again", 1),
            ("please book the room for the core group", 0), ("the panel meets on Thursday", 0)]
    b, w = train([(features(t), y) for t, y in rows], epochs=20)
    path = tmp_path / "model.json"
    dump(path, b, 0.5, w)
    model = IdentifierModel.load(path)
    assert model.probability(rows[0][0]) > 0.5 > model.probability(rows[2][0])
    assert list(model.spans(rows[0][0])) == [(0, len(rows[0][0]))]
    filler = "please book the room for the core group. " * (MODEL_CHARS // 40 + 1)
    assert list(model.spans(filler + rows[0][0])) == []  # past MODEL_CHARS the rules screen alone


def test_stretches_keep_offsets_and_sentence_starts() -> None:
    text = "Hello there. the Boy in year 4!\nand more"
    parts = [(text[a:b], toks) for a, b, toks in stretches(text)]
    assert [p for p, _t in parts] == ["Hello there", "the Boy in year 4", "Hello there. the Boy in year 4",
                                      "and more", "the Boy in year 4!\nand more"]
    assert parts[2][1] == [("Hello", True), ("there", False), ("the", True), ("Boy", False), ("in", False),
                           ("year", False), ("4", False)]
    long = " ".join(["word"] * 100)
    assert [len(t) for _a, _b, t in stretches(long)] == [40, 40, 20]


def test_training_reads_no_held_out_corpus() -> None:
    from scripts.train_privacy_model import HELD_OUT, NOT_TRAINED, development_paths

    names = {p.stem.removeprefix("corpus-") for p in development_paths()}
    assert not names & HELD_OUT and not names & NOT_TRAINED
    assert {"a", "o", "own"} <= names
