"""The worry detector on wording nobody listed: one test per class of miss seen on fresh corpora (clinical
notes, text-speak and misspellings, dialect, a child's own words, a worry buried in admin, an unborn baby,
a 17-year-old), and the statistical backstop (knowledge/safety_model.py) that either raises or leaves alone."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from knowledge.safety import get_detector, is_safety_worry
from knowledge.safety_model import MODEL_PATH, WorryModel, get_model

ROOT = Path(__file__).resolve().parents[2]

CLASSES = {
    "clinical note": ["Clinical note: 5/12 infant, bilateral retinal haemorrhages on fundoscopy, carers deny any "
                      "incident",
                      "ED triage: 13F, superficial lacerations L forearm, states 'i just wanted it to stop'"],
    "text-speak and misspelling": ["ma kid sista's bf keeps sendin her dodgy snaps n tellin her 2 keep it quiet "
                                   "she's 12",
                                   "hes allways hungrey and his close are to small and smell, hes 6"],
    "dialect": ["our lass in year 7 says her mam's fella clouts her when he's bladdered"],
    "child's own words": ["she whispered 'uncle tony does the tickling game under my nightie' - she is 5",
                          "he told me 'daddy put me in the dark cupboard for a long time because I cried'"],
    "buried in admin": ["Minutes, item 6 (any other business): the 10yo from the homework club has turned up with a "
                        "gash on his head three weeks running",
                        "For the rota next week - also FYI the girl in room 2 told the cook her stepmum burns her "
                        "with a spoon"],
    "unborn baby": ["unborn baby due in June, dad released from prison for child sex offences and is back living "
                    "with mum",
                    "antenatal booking: mum 19, says partner kicks her stomach when he's angry"],
    "17-year-old": ["our 17 year old care leaver says a man she owes money to is making her sleep with his friends",
                    "17yo apprentice hasn't turned up for a week and his mum says he's gone to live with some men in "
                    "Liverpool"],
}
QUIET = [
    "what is the difference between a strategy discussion and a section 47 enquiry",
    "book the large meeting room for the partnership executive on Thursday",
    "my colleague wants to know when the next multi-agency training on neglect is",
    "she sent me the agenda for the subgroup meeting, is it on the website",
    "he is the chair of the Wirral partnership, what's his email",
    "Book annual leave for next Friday",
    "Write me a poem about autumn",
]


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, ts in CLASSES.items() for t in ts])
def test_each_class_of_new_wording_is_a_worry(kind: str, text: str) -> None:
    assert is_safety_worry(text), kind


@pytest.mark.parametrize("text", QUIET)
def test_procedural_and_off_topic_messages_stay_quiet(text: str) -> None:
    assert not is_safety_worry(text)


def test_the_backstop_catches_what_the_lexicon_misses() -> None:
    det = get_detector()
    missed = [t for ts in CLASSES.values() for t in ts if not det.detect(t, use_model=False).is_worry]
    assert missed, "every class example is in the lexicon: pick wording it does not list"
    for text in missed:
        w = det.detect(text)
        assert w.is_worry and w.by_model and w.label, text


def test_the_backstop_never_overrides_a_denial_or_a_procedural_opening() -> None:
    det = get_detector()
    model = get_model()
    assert model is not None
    for text in ("my pupil has no bruises, the home visit went well", "what counts as emotional abuse?"):
        lex = det.detect(text, use_model=False)
        assert not det.model_says_worry(text, lex, WorryModel(9.0, 0.5, {}))  # a model that always says worry
        assert not det.detect(text).is_worry


def test_the_model_file_is_validated(tmp_path: Path) -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert 0 < data["threshold"] < 1 and len(data["weights"]) > 1000
    bad = tmp_path / "model.json"
    bad.write_text(json.dumps({"bias": 0, "threshold": 0.5, "weights": {"w:hit": "heavy"}}), encoding="utf-8")
    with pytest.raises(ValidationError, match="weights"):
        WorryModel.load(bad)
    assert get_model(tmp_path / "absent.json") is None  # the lexicon then works alone


def test_the_training_script_writes_a_model_that_loads(tmp_path: Path) -> None:
    corpus = tmp_path / "tiny.jsonl"
    rows = [("my pupil says her dad hits her", "worry"), ("a boy in year 4 has a burn on his hand", "worry"),
            ("how often does the executive meet", "procedural"), ("what counts as neglect", "procedural")]
    corpus.write_text("".join(json.dumps({"text": t, "label": y}) + "\n" for t, y in rows), encoding="utf-8")
    out = tmp_path / "model.json"
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_safety_model.py"), "--out", str(out),
                           str(corpus)], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    model = WorryModel.load(out)
    assert model.probability(rows[0][0]) > 0.5 > model.probability(rows[2][0])
