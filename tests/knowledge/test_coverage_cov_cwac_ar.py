"""Facts of the Cheshire West LSCB annual report 2017-18 (seed 001) that no entry carried before the coverage pass.

Each asks through the real answerer and checks the answer states the seed's fact, cited to 001.
"""

import pytest

CWAC = "cheshire-west-and-chester"
REPORT = "001_6ac355cb0da34b1c.txt"

CASES = [
    ("who sat on the lscb board as advisors", ["Designated Nurse", "Designated Doctor"]),
    ("who chaired each lscb sub-group", ["chaired by a member of the CWCSCB main Board"]),
    ("how often did the pan cheshire lscb chairs and business managers get together",
     ["Chairs and Business Managers", "quarterly"]),
    ("how many children were received into care during 2017-18", ["202"]),
    ("how many children placed here by other councils were living in the borough in march 2018", ["174"]),
    ("what take-up did the managing neglect course have in 2017-18", ["75%"]),
    ("how many child deaths were notified to the panel in 2017-18", ["53", "5"]),
    ("who is the named lead for the cwcscb on the health and wellbeing board", ["Director of People"]),
]


@pytest.mark.parametrize(("question", "facts"), CASES)
def test_annual_report_fact_is_answered(ask, question: str, facts: list[str]) -> None:
    res = ask(question, CWAC)
    assert res.answered, res.text
    for fact in facts:
        assert fact in res.text, (fact, res.text)
    assert any(s["document"] == REPORT for s in res.sources), res.sources


def test_year_stands_before_the_custody_figure(ask) -> None:
    """A 2017-18 count is only answered when its year is named before it (the figure-for-a-year check)."""
    res = ask("how many children were held overnight in police custody in 2017-18", CWAC)
    assert res.answered and "132" in res.text, res.text
