"""Issue #10 section 2, decline20: the arrangements name no out-of-hours or emergency duty service, so "out of hours
who do I call" is declined plainly with where the number is found, never answered with a loosely related entry
(Wirral's gave its training pool, Cheshire West's i-ART's 2017-18 figures), and with no 999 line: it is a procedural
question. Sentences are written here; each was seen answered on the commit before the change.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("question", "partnership"), [
    ("out of hours - who do we phone?", "wirral"),
    ("is there an emergency duty team for the weekend, whats the number", "cheshire-west-and-chester"),
    ("who covers after hours in warrington if a referral comes in at 8pm", "warrington"),
])
def test_no_out_of_hours_service_is_said_plainly(ask, question, partnership) -> None:
    res = ask(question, partnership)
    assert res.outcome == "cannot_answer", res.text
    assert "do not name an out-of-hours" in res.text and "website" in res.text, res.text
    assert "999" not in res.text.split("\n", 1)[0], res.text  # a procedural question raises no alarm


def test_a_worry_out_of_hours_still_gets_999_and_the_front_door_first(ask) -> None:
    res = ask("a 12 year old just told me her stepdad hits her and she wont go home, its 9pm, who do i call out of "
              "hours", "halton")
    assert res.safety and res.text.startswith(":rotating_light:"), res.text
    assert "children's social care" in res.text.split("\n")[1], res.text
