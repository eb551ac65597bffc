"""The identifier screen's learned second opinion (bot/privacy/model.py): it speaks only when the rules see nothing,
its finding is a kind the callers' messages name, redaction removes what it flags, it reads a bounded prefix, and
the training script never reads a held-out corpus. The examples are written for this file (none from a corpus);
a retrain that loses them fails here."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.privacy import DESCRIPTIONS, describe, find_identifiers, redact, rules_find
from bot.privacy.model import MODEL_CHARS, MODEL_PATH, IdentifierModel, get_model, stretches

# Unique descriptions the rules miss: a public moment, a rare language in a small group, an event with an agency.
MODEL_ONLY = [
    "the girl who sang at the Christmas lights switch-on in Ellesmere Port",
    "the only kid in the class who speaks Tigre",
    "the brothers whose dog was taken by the RSPCA last month",
]
# Practice text in the same shapes that must still pass: a professional in role, a booking, the only route.
CLEAN = [
    "Karen, the DSL, has asked for advice on thresholds",
    "Please book the room for the core group training",
    "the only way to make a referral is through the front door",
    "The panel will consider the rapid review on Thursday",
]


def test_the_committed_model_loads_and_validates(tmp_path: Path) -> None:
    model = get_model()
    assert model is not None and 0.5 <= model.threshold < 1
    bad = tmp_path / "model.json"
    bad.write_text('{"bias": 0, "threshold": 1.5, "weights": {"w:the": 0.1}}', encoding="utf-8")
    with pytest.raises(ValidationError, match="threshold"):
        IdentifierModel.load(bad)
    assert get_model(tmp_path / "absent.json") is None  # the rules then screen alone
    assert MODEL_PATH.exists()


@pytest.mark.parametrize("text", MODEL_ONLY)
def test_the_model_flags_what_the_rules_miss(text: str) -> None:
    assert rules_find(text) == []
    found = find_identifiers(text)
    assert [f.kind for f in found] == ["identifying_details"]
    assert DESCRIPTIONS["identifying_details"] in describe(found)  # the refusal names it like any other kind


@pytest.mark.parametrize("text", CLEAN)
def test_practice_text_still_passes(text: str) -> None:
    assert find_identifiers(text) == []


def test_the_model_adds_nothing_when_the_rules_find_something() -> None:
    text = "the only kid in the class who speaks Tigre, his sister Bella is 9"
    assert "identifying_details" not in {f.kind for f in find_identifiers(text)}
    assert find_identifiers(text)


@pytest.mark.parametrize("text", MODEL_ONLY)
def test_redact_removes_what_the_model_flags(text: str) -> None:
    message = f"Thanks for the update. {text}. Next meeting is on the rota."
    out = redact(message)
    assert "[removed]" in out and find_identifiers(out) == [], out
    assert out.startswith("Thanks for the update.")


def test_the_model_reads_a_bounded_prefix() -> None:
    """Past MODEL_CHARS the rules screen alone: the cost of the model stays bounded for a 40,000-character message."""
    filler = "The panel will consider the rapid review on Thursday. " * (MODEL_CHARS // 50 + 1)
    assert find_identifiers(MODEL_ONLY[1] + ". " + filler) != []
    assert find_identifiers(filler + MODEL_ONLY[1]) == []
    model = get_model()
    assert model is not None and all(b <= MODEL_CHARS for _a, b in model.spans(filler * 20))


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
