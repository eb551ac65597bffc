"""Issue #10 section 2, answers14: how a named agency takes part is its line in the area's list of relevant agencies.

Sentences are written here, not copied from any set; each was seen failing on main b095deb.
"""

from __future__ import annotations

import pytest

CWAC = "cheshire-west-and-chester"


@pytest.mark.parametrize(
    ("question", "agency"),
    [
        # the agency asked about, with the groups it sits on, not a group that mentions it
        ("our youth justice lead is on leave - which partnership groups does youth justice sit on", "Youth Justice"),
        # the asker's own organisation said first, then what is expected of them
        ("housing team here, someone said we count as a relevant agency for the SCP. what does it mean for us - do we "
         "have to sit on the boards and groups?", "Housing Providers"),
    ],
)
def test_a_named_agency_gets_its_own_engagement(ask, question, agency) -> None:
    res = ask(question, CWAC)
    assert res.outcome == "answer", res.text
    assert f"*{agency}" in res.text and "How it engages" in res.text, res.text
    assert "Cheshire and Wirral Partnership NHS Foundation Trust* is" not in res.text, res.text


@pytest.mark.parametrize(
    "question",
    [
        # the asker's own seat, and who sits on a group: not how an agency takes part
        "I sit on the executive for the council - how often does it meet",
        "who sits on the cheshire west scp executive",
    ],
)
def test_who_sits_on_or_i_sit_on_is_not_an_agency_line(ask, question) -> None:
    res = ask(question, CWAC)
    assert "How it engages" not in res.text, res.text
