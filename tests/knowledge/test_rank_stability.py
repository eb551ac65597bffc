"""Confidence that matches the evidence (issue #10 section 2, branch rank10): the bar and the order of near ties do
not move when unrelated entries are added; who asks ("SW here") and ordinary words do not weigh like domain words."""

from __future__ import annotations

import pytest

from knowledge.answering import Answer, Answerer, get_answerer
from knowledge.base import load_knowledge_base
from knowledge.confidence import LOCAL_TIE, local_first
from knowledge.roles import role_lead
from knowledge.search import ORDINARY_WEIGHT, SearchIndex
from tests.knowledge.unrelated_entries import with_unrelated


@pytest.mark.parametrize(("message", "lead"), [
    ("SW here, what is the threshold document called in cheshire west", "SW"),
    ("newly qualified health visitor: who looks at child deaths in halton", "newly qualified health visitor"),
    ("DSL at a secondary in warrington - how often is training refreshed", "DSL at a secondary in warrington"),
])
def test_a_role_said_first_is_who_asks(message: str, lead: str) -> None:
    assert role_lead(message)[0] == lead


@pytest.mark.parametrize("message", [
    "halton LADO - whats the email",  # the LADO is what is asked about, not who asks
    "who is the DSL, and what do they do",
    "in halton, who are the partners",
    "SW here: who is it?",  # nothing left to search
])
def test_no_role_lead(message: str) -> None:
    assert role_lead(message) == ("", message)


@pytest.mark.parametrize(("question", "area", "entry"), [
    ("SW here - what is the threshold document called in cheshire west", None,
     "cheshire-west-and-chester.threshold.continuum-of-need"),
    ("newly qualified HV, what does the warrington partnership spend its budget on", None,
     "warrington.process.funding"),
])
def test_a_role_lead_does_not_sink_the_answer(question: str, area: str | None, entry: str) -> None:
    res = get_answerer().answer(question, area)
    assert res.outcome == "answer" and res.entry is not None and res.entry.id == entry, (res.outcome, res.entry_id)


def test_ordinary_words_weigh_the_same_whatever_the_corpus() -> None:
    kb = load_knowledge_base()
    question = "before I finish, how far ahead must we send the report to the panel"
    for index in (SearchIndex(list(kb)), SearchIndex(list(with_unrelated(kb)))):
        weights = {s.word: s.weight for s in index.analyse(question).slots}
        assert weights["finish"] == weights["far"] == weights["ahead"] == weights["send"] == ORDINARY_WEIGHT


def test_words_no_entry_holds_weigh_the_same_when_entries_are_added() -> None:
    kb = load_knowledge_base()
    a, b = SearchIndex(list(kb)), SearchIndex(list(with_unrelated(kb, 12)))
    assert a.unknown_idf == b.unknown_idf


class _H:
    def __init__(self, eid: str, partnership: str, conf: float, boost: float = 1.0) -> None:
        self.confidence, self.boost = conf, boost
        self.entry = type("E", (), {"id": eid, "partnership": partnership})()


def test_the_areas_entry_wins_a_near_tie_with_a_national_one() -> None:
    assert LOCAL_TIE == 0.05
    hits = [_H("national.x", "national", 0.60), _H("halton.z", "halton", 0.59), _H("wirral.y", "wirral", 0.57)]
    local_first(hits, "wirral")  # type: ignore[arg-type]
    assert hits[0].entry.id == "wirral.y"
    hits = [_H("national.x", "national", 0.60), _H("wirral.y", "wirral", 0.59, boost=0.91)]
    local_first(hits, "wirral")  # type: ignore[arg-type]
    assert hits[0].entry.id == "national.x"  # stepped back by the question's intent ("who is": not figures)
    hits = [_H("national.x", "national", 0.60), _H("wirral.y", "wirral", 0.53)]
    local_first(hits, "wirral")  # type: ignore[arg-type]
    assert hits[0].entry.id == "national.x"  # a clear national lead stays


def test_a_named_partnerships_dispute_entry_answers() -> None:
    res = get_answerer().answer("if the three wirral safeguarding partners can't agree, where does it end up")
    assert res.outcome == "answer" and res.entry is not None and res.entry.id == "wirral.dispute.safeguarding-partners"


# A fixed set of questions: whether each is answered, and with which entry, must not move when the filler entries
# are added. On main d080176 the first moved (halton.process.reviews -> halton.process.cdop: a near tie that the
# growing weight of "see" decided); the rest are this pass's classes.
STABLE = [
    ("can parents see the rapid review report about their child", "halton"),
    ("if the three wirral safeguarding partners can't agree, where does it end up", None),
    ("before I finish for the day, how far ahead must we send the review report to the panel", "warrington"),
    ("how long do the partners have for a rapid review", "halton"),
    ("how is independent scrutiny done in wirral", None),
    ("who reviews child deaths for cheshire west", None),
    ("frontline HV, who is the LADO in cheshire west", None),
    ("who signs up as the safeguarding partners for wirral", "wirral"),
    ("what is clare's law", "wirral"),
    ("how do I book a meeting room", "warrington"),
]


def _answered(res: Answer) -> tuple[bool, str | None]:
    return res.answered, res.entry_id if res.answered else None


def test_answers_do_not_change_when_unrelated_entries_are_added() -> None:
    kb = load_knowledge_base()
    a, b = get_answerer(kb), Answerer(with_unrelated(kb))
    moved = [q for q, area in STABLE if _answered(a.answer(q, area)) != _answered(b.answer(q, area))]
    assert moved == []
