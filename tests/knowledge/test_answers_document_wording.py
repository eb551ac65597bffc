"""answers18: where a managers' question uses the document's own terms (the designated data controller, the reserve
passed on), the entry says them as the document does rather than in a paraphrase."""

from __future__ import annotations

import pytest

CWAC = "cheshire-west-and-chester"


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("who is the designated data controller for the cheshire west partnership", "designated data controller"),
        ("what happened to the old LSCB reserve in cheshire west", "reserve has been passed to the partnership"),
    ],
)
def test_the_entry_says_it_in_the_documents_words(ask, question, said) -> None:
    res = ask(question, CWAC)
    assert res.outcome == "answer", res.text
    assert said in res.text.replace("*", ""), res.text


def test_the_contribution_commitment_keeps_the_documents_period_and_its_length(ask) -> None:
    res = ask("how long are cheshire west partners committed to their old contributions", CWAC)
    assert res.outcome == "answer", res.text
    assert "two year period" in res.text and "two years" in res.text, res.text
