"""answers19: "why is <X> done across <region>": the area's entry says how it is done; the national rule it links to
says why (the child death review footprint must cover at least 60 deaths a year, so areas share a CDOP). A why
question gets that rule with its source after the area's entry. Sentences are written here, not from a corpus."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("question", "area"), [
    ("why does halton share a child death panel with other boroughs", "halton"),
    ("how come cheshire west does child death reviews pan cheshire - why not alone", "cheshire-west-and-chester"),
    ("why do wirral's child deaths go to a panel covering the whole of merseyside", "wirral"),
])
def test_a_why_question_gets_the_linked_rule(ask, question: str, area: str) -> None:
    res = ask(question, area)
    assert res.answered and "60 deaths" in res.text, res.text


def test_a_question_not_asking_why_is_not_given_the_rule(ask) -> None:
    res = ask("who leads the pan-merseyside child death overview panel", "wirral")
    assert "Why:" not in res.text, res.text
