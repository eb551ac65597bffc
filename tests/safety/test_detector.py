"""The worry detector on labelled corpora (quality thresholds, not timings) and its lexicon's validation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from knowledge.safety import Detector, detect_worry, is_safety_worry
from knowledge.safety_lexicon import Lexicon, raw_lexicon

HERE = Path(__file__).resolve().parent
CORPORA = ["corpus-a.jsonl", "corpus-c.jsonl", "corpus-e.jsonl", "corpus-g.jsonl", "corpus-i.jsonl", "corpus-own.jsonl",
           "corpus-own2.jsonl",
           "corpus-own3.jsonl"]  # development sets


def _rates(name: str) -> tuple[float, float, list[str]]:
    rows = [json.loads(line) for line in (HERE / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    worries = [r for r in rows if r["label"] == "worry"]
    procedural = [r for r in rows if r["label"] == "procedural"]
    assert len(worries) >= 100 and len(procedural) >= 50
    misses = [r["text"] for r in worries if not is_safety_worry(r["text"])]
    alarms = [r["text"] for r in procedural if is_safety_worry(r["text"])]
    return 1 - len(misses) / len(worries), len(alarms) / len(procedural), misses + alarms


@pytest.mark.parametrize("name", CORPORA)
def test_recall_and_false_alarms_on_the_corpora(name: str) -> None:
    recall, false_alarms, wrong = _rates(name)
    assert recall >= 0.98 and false_alarms <= 0.05, wrong


def test_own_corpus_covers_every_category_and_is_mostly_worries() -> None:
    rows = [json.loads(line) for line in (HERE / "corpus-own.jsonl").read_text(encoding="utf-8").splitlines()]
    cats = {r["category"] for r in rows if r["label"] == "worry"}
    assert {"physical", "sexual", "emotional", "neglect", "domestic_abuse", "criminal_exploitation",
            "sexual_exploitation", "online_harm", "fgm_forced_marriage", "self_harm", "missing",
            "death_serious_injury", "allegation_staff_carer", "radicalisation", "baby_injury"} <= cats
    share = sum(r["label"] == "procedural" for r in rows) / len(rows)
    assert len(rows) >= 200 and 0.25 <= share <= 0.45


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("a boy says his dad hits him, what do I do", "physical"),
        ("a parent turned up drunk to collect their toddler", "neglect"),
        ("a child on my caseload has died, what happens now", "death_serious_injury"),
        ("a teacher at my school has been accused of hitting a pupil", "allegation_staff_carer"),
    ],
)
def test_the_issue_examples_are_worries_of_the_right_kind(text: str, category: str) -> None:
    w = detect_worry(text)
    assert w.is_worry and w.category == category, w


@pytest.mark.parametrize(
    "text",
    ["what counts as emotional abuse?", "how often does the executive meet", "what is the rapid review timescale",
     "how many child deaths did CDOP review", "who is the LADO in Warrington"],
)
def test_procedural_questions_with_safeguarding_words_do_not_trigger(text: str) -> None:
    assert not is_safety_worry(text)


def test_negation_discounts_a_cue() -> None:
    assert is_safety_worry("my pupil has bruises on her arms today")
    assert not is_safety_worry("my pupil has no bruises, the home visit went well")


def test_a_procedural_frame_does_not_hide_a_described_worry() -> None:
    assert is_safety_worry("year 9 girl says her uncle touches her - whats the threshold for a referral?")


def _lexicon_with(**changes: object) -> dict:
    raw = raw_lexicon()
    raw.update(changes)
    return raw


def test_lexicon_file_validates_and_bad_patterns_are_named() -> None:
    Detector(Lexicon.model_validate(_lexicon_with()))
    with pytest.raises(ValidationError, match="unknown set '@nosuchset'"):
        Lexicon.model_validate(_lexicon_with(anchors=["@nosuchset"]))
    with pytest.raises(ValidationError, match="first slot"):
        Lexicon.model_validate(_lexicon_with(situation=["~2 told"]))
    with pytest.raises(ValidationError, match="unknown category"):
        Lexicon.model_validate(_lexicon_with(precedence=["nonsense"]))


def test_long_messages_are_handled() -> None:
    long = "a girl in year 8 told me her dad hit her. " * 2000 + "what counts as abuse?"
    assert is_safety_worry(long)
    assert not is_safety_worry("x " * 40_000)


def test_a_general_hypothetical_is_procedural_but_the_same_question_about_one_child_is_a_worry() -> None:
    """Frames weigh less for a particular child ("she says", "his dad") unless "if a child" makes it general."""
    d = Detector(Lexicon.model_validate(raw_lexicon()))
    general = "how soon should a social worker visit if a child has bruises from a parent"
    particular = "how soon can a social worker visit, she has bruises from her dad"
    assert not d.detect(general, use_model=False).is_worry
    assert d.detect(particular, use_model=False).is_worry
    assert d.detect(particular, use_model=False).frames < d.detect(general, use_model=False).frames
