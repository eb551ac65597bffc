"""answers79: questions asking which organisations are an area's statutory safeguarding partners ("who are the
partners under the new partnership", "which organisations make up the three partners", "who is actually in charge of
child safeguarding here") are answered by the area's partners entry, not its aims, the relevant agencies or a
group; Warrington's names its police force as the police. Questions written here, none copied from a set; each was
seen failing on main 3aeeb77f."""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import assert_answered


@pytest.mark.parametrize(("question", "partnership", "says"), [
    ("quick one from a childminder - who are the safeguarding partners under the hcypsp these days?", "halton",
     "Cheshire Constabulary"),
    ("who are the safeguarding partners over on the wirral - merseyside police not cheshire, right?", "wirral",
     "Merseyside Police"),
    ("volunteering at a toddler group in neston. which organisations make up the three partners that run "
     "safeguarding in cheshire west?", "cheshire-west-and-chester", "Cheshire Police"),
    ("which organisations make up the 3 partners for halton? our policy still says the lscb", "halton",
     "Halton Borough Council"),
    ("who are the three core partners in warrington, is the police one of them", "warrington", "(the police)"),
])
def test_the_partners_asked(ask, question: str, partnership: str, says: str) -> None:
    res = ask(question, partnership)
    assert_answered(res, says)
    assert res.entry is not None and res.entry.kind == "partners", res.text


def test_partners_disagreeing_is_no_question_of_who_they_are(ask) -> None:
    """A guard: the partners named as those who cannot agree is the dispute route, not the list of partners."""
    res = ask("what happens if the three safeguarding partners in halton can't agree on funding?", "halton")
    assert res.entry is not None and res.entry.kind != "partners", res.text


def test_the_police_force_covering_an_area(ask) -> None:
    """The area's entry, whose figures are the area's own, answers which force covers it; the weighty word "covers"
    in its title ("Area covered") keeps it from stepping back as a table of figures (seen failing on main 3aeeb77f)."""
    res = ask("which police force covers the wirral, merseyside or cheshire? new to the area", "wirral")
    assert_answered(res, "Merseyside Police covers")


def test_the_lado_asked_is_not_figures(ask) -> None:
    """A guard: "who is the LADO" still prefers the route or contact to an entry of referral figures."""
    res = ask("who is the LADO in cheshire west and how do i contact them", "cheshire-west-and-chester")
    assert res.entry is not None and "2017-18" not in res.entry.title, res.text
