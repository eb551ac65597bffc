"""answers16 (from the development misses of the fresh sets: an amount asked, held by the runner-up). Sentences written
here, none copied from a question set; each was seen failing on a5a9622.

A cost asked ("how much was left in reserve") that the leading entry lacks (the year's figures on children in care,
lifted by "left") and a close runner-up holds (the board's accounts) is answered from the runner-up, as an email or a
figure already is (`prefer_holder` on the cost kind); a cost nothing holds is still declined.
"""

from __future__ import annotations


def test_the_runner_up_holding_the_amount_answers(ask) -> None:
    res = ask("what was left in reserve for the cheshire west lscb after 2017-18, how much?",
              "cheshire-west-and-chester")
    assert res.answered, res.text
    assert "267,026" in res.text, res.text


def test_a_cost_nothing_holds_is_still_declined(ask) -> None:
    res = ask("how much is a place on the neglect course in halton?", "halton")
    assert res.outcome == "cannot_answer" and not res.answered, res.text
    assert "do not give that cost" in res.text
