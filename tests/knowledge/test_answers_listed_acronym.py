"""answers19: "what does <acronym> mean" with a remark after a comma ("..., came up at a meeting"): an area's glossary
list that spells the acronym out ("*X* = ...") answers it, as an entry spelling it out in brackets already did;
it was offered as a "did you mean" before. Sentences are written here, not taken from a corpus."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("question", "area", "says"), [
    ("what does MACE stand for, our team lead used it twice in supervision", "wirral", "Child Exploitation"),
    ("what does PIG stand for, my manager keeps writing it in emails", "cheshire-west-and-chester",
     "Practice Improvement Group"),
    ("what does WSP stand for, saw it on a poster at work", "warrington", "Warrington Safeguarding Partnership"),
    ("what does SPG mean, heard it mentioned on a training day", "halton", "Safeguarding Practice Group"),
])
def test_a_listed_acronym_asked_with_a_remark_is_answered(ask, question: str, area: str, says: str) -> None:
    res = ask(question, area)
    assert res.answered and says in res.text, res.text


def test_a_fact_about_the_acronym_is_still_not_its_meaning(ask) -> None:
    res = ask("what is the MACE budget for next year, asked in supervision", "wirral")
    assert not res.answered, res.text
